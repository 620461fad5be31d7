package uk.xborder.gateway.cli.gw;

import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.Callable;

import org.w3c.dom.Node;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import uk.xborder.gateway.cli.tool.ExitCode;
import uk.xborder.gateway.cli.tool.LocalFiles;
import uk.xborder.gateway.cli.tool.ToolFailure;
import uk.xborder.gateway.pipeline.MessageRejectedException;
import uk.xborder.gateway.xml.SafeXmlParser;

@Command(name = "payload", description = "Write the CMS payload (DER) of a transport envelope to DER_FILE, for "
        + "openssl cms -decrypt -inform DER. Needs no broker.")
public final class PayloadCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ENVELOPE_FILE", description = "A transport envelope (XML).")
    Path envelope;

    @Parameters(index = "1", paramLabel = "DER_FILE", description = "Where to write the payload.")
    Path der;

    @Override
    public Integer call() {
        Node payload;
        try {
            payload = new SafeXmlParser().parse(LocalFiles.read(envelope))
                    .getElementsByTagNameNS("*", "Payload").item(0);
        } catch (MessageRejectedException e) {
            throw new ToolFailure(ExitCode.NEGATIVE, envelope + " is not a transport envelope: " + e.getMessage());
        }
        if (payload == null) {
            throw new ToolFailure(ExitCode.NEGATIVE, envelope + " has no Payload element");
        }
        byte[] cms;
        try {
            cms = Base64.getMimeDecoder().decode(payload.getTextContent().strip());
        } catch (IllegalArgumentException e) {
            throw new ToolFailure(ExitCode.NEGATIVE, "the Payload of " + envelope + " is not base64");
        }
        LocalFiles.write(der, cms);
        spec.commandLine().getOut().println("wrote the CMS payload of " + envelope + " to " + der);
        return ExitCode.OK;
    }
}
