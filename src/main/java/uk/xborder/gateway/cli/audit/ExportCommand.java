package uk.xborder.gateway.cli.audit;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import uk.xborder.gateway.cli.tool.ExitCode;
import uk.xborder.gateway.cli.tool.Json;
import uk.xborder.gateway.cli.tool.LocalFiles;

@Command(name = "export", description = {
        "Write the evidence bundle of every entry the criteria select (no criteria: the whole log) to --out: the "
                + "entries, their inclusion proofs, the signed checkpoints and the audit certificate chain.",
        "Check it anywhere, offline, with: audit verify FILE --trust CA.pem. Roles auditor and admin."})
public final class ExportCommand extends LiveCommand {

    @Mixin
    SelectionOptions selection;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "Where to write the bundle.")
    Path out;

    @Override
    public Integer call() {
        ObjectNode query = Json.mapper().createObjectNode();
        selection.parameters().forEach(query::put);
        LocalFiles.requireWritable(out);
        byte[] bundle = api.client().post("/api/audit/export", query);
        LocalFiles.write(out, bundle);
        out().println("wrote evidence bundle " + out + " (" + bundle.length + " bytes)");
        return ExitCode.OK;
    }
}
