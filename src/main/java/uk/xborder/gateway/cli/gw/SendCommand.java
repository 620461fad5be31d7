package uk.xborder.gateway.cli.gw;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import uk.xborder.gateway.cli.tool.ExitCode;
import uk.xborder.gateway.cli.tool.LocalFiles;

@Command(name = "send", description = "Put FILE on the agency's queue gw.agency.AGENCY.out, as the agency's own "
        + "system does; the gateway's answer comes on gw.agency.AGENCY.status.")
public final class SendCommand implements Callable<Integer> {

    /** An agency name as the partner directory spells it; nothing that would name another queue. */
    private static final Pattern AGENCY = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    @Spec
    CommandSpec spec;

    @Mixin
    BrokerOptions broker;

    @Parameters(index = "0", paramLabel = "AGENCY", description = "The sending agency, e.g. police-scotland.")
    String agency;

    @Parameters(index = "1", paramLabel = "FILE", description = "The message, XML in the agency's format (UTF-8).")
    Path file;

    @Override
    public Integer call() {
        if (!AGENCY.matcher(agency).matches()) {
            throw new ParameterException(spec.commandLine(), "AGENCY must be an agency name such as "
                    + "police-scotland (lower-case letters, digits and -)");
        }
        String xml = new String(LocalFiles.read(file), StandardCharsets.UTF_8);
        String queue = "gw.agency." + agency + ".out";
        try (Connection connection = broker.connect()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            TextMessage message = session.createTextMessage(xml);
            try (MessageProducer producer = session.createProducer(session.createQueue(queue))) {
                producer.send(message);
            }
            spec.commandLine().getOut().println("sent " + file + " to " + queue + " as " + message.getJMSMessageID());
            return ExitCode.OK;
        } catch (JMSException e) {
            throw broker.failed(e);
        }
    }
}
