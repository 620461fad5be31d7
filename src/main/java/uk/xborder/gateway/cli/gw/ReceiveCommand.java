package uk.xborder.gateway.cli.gw;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import uk.xborder.gateway.cli.tool.ExitCode;
import uk.xborder.gateway.cli.tool.LocalFiles;
import uk.xborder.gateway.cli.tool.ToolFailure;

@Command(name = "receive", description = "Take the next message off QUEUE into FILE and print its gateway headers "
        + "(Gw...), e.g. a status notice from gw.agency.AGENCY.status or an envelope from gw.partner.PARTNER.out.")
public final class ReceiveCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    BrokerOptions broker;

    @Parameters(index = "0", paramLabel = "QUEUE", description = "The queue, e.g. gw.agency.police-scotland.status.")
    String queue;

    @Parameters(index = "1", paramLabel = "FILE", description = "Where to write the message's body.")
    Path file;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "How long to wait for a message (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Override
    public Integer call() {
        if (timeoutSeconds < 0 || timeoutSeconds > 3600) {
            throw new ParameterException(spec.commandLine(), "--timeout must be from 0 to 3600 seconds");
        }
        LocalFiles.requireWritable(file);
        PrintWriter out = spec.commandLine().getOut();
        try (Connection connection = broker.connect()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            try (MessageConsumer consumer = session.createConsumer(session.createQueue(queue))) {
                Message message = timeoutSeconds == 0 ? consumer.receiveNoWait()
                        : consumer.receive(timeoutSeconds * 1000L);
                if (message == null) {
                    out.println("no message on " + queue + " within " + timeoutSeconds + " s");
                    return ExitCode.NEGATIVE;
                }
                LocalFiles.write(file, body(message));
                out.println("received " + message.getJMSMessageID() + " from " + queue + " into " + file);
                List<?> properties = Collections.list(message.getPropertyNames());
                for (String name : properties.stream().map(String::valueOf).filter(n -> n.startsWith("Gw"))
                        .sorted().toList()) {
                    out.println("  " + name + ": " + message.getStringProperty(name));
                }
                return ExitCode.OK;
            }
        } catch (JMSException e) {
            throw broker.failed(e);
        }
    }

    private static byte[] body(Message message) throws JMSException {
        if (message instanceof TextMessage text) {
            return text.getText().getBytes(StandardCharsets.UTF_8);
        }
        if (message instanceof BytesMessage bytes) {
            return bytes.getBody(byte[].class);
        }
        throw new ToolFailure(ExitCode.NEGATIVE, "the message is a " + message.getClass().getSimpleName()
                + ", neither text nor bytes; it was taken off the queue but not written");
    }
}
