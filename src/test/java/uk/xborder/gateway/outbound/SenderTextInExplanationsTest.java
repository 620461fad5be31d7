package uk.xborder.gateway.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import jakarta.jms.Message;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

import uk.xborder.gateway.audit.AuditEvent;
import uk.xborder.gateway.testsupport.Examples;
import uk.xborder.gateway.testsupport.GatewayPerClass;
import uk.xborder.gateway.testsupport.RunningGateway;
import uk.xborder.gateway.testsupport.StatusNotices;

/**
 * The XML declaration is sender text too. An encoding name the gateway does not read used to reach the status
 * notice, the held copy's headers and the audit log as it was written (the parser's message for it is the bare
 * name, with no quotes for redaction to find), and a version ten thousand digits long overflowed the redactor's
 * stack, so the message was held as the gateway's own failure. Both are now refused as MALFORMED_XML, and the text
 * appears nowhere the gateway writes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SenderTextInExplanationsTest {

    private static final long WAIT = 20_000;
    private static final String PS = "police-scotland";

    @RegisterExtension
    static final GatewayPerClass GATEWAY = new GatewayPerClass();

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeAll
    void captureTheLog() {
        log.start();
        root.addAppender(log);
    }

    @AfterAll
    void releaseTheLog() {
        root.detachAppender(log);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "an encoding the gateway does not read, encoding='OPERATION-KESTREL-SOURCE-SEVEN', KESTREL",
            "a version of ten thousand digits, version='1DIGITS', 0000000000",
    })
    void theDeclarationsTextIsRefusedAndNeverRepeated(String what, String declaration, String secret)
            throws Exception {
        String attribute = declaration.replace("DIGITS", "0".repeat(10_000)).replace('\'', '"');
        String report = Examples.policeScotlandReport()
                .replace("<ReportURN>([^<]+)</ReportURN>", Examples.uniqueId("PS-IR")).xml();
        String xml = attribute.startsWith("version")
                ? report.replaceFirst("<\\?xml[^?]*\\?>", "<?xml " + attribute + "?>")
                : report.replaceFirst("<\\?xml[^?]*\\?>", "<?xml version=\"1.0\" " + attribute + "?>");
        assertThat(xml).as("the example starts with an XML declaration").contains(secret);
        int logged = log.list.size();

        String transportId = GATEWAY.get().sendBytes(PS, xml.getBytes(StandardCharsets.UTF_8));

        Message status = GATEWAY.get().receive("gw.agency." + PS + ".status",
                "GwTransportMessageId = '" + transportId + "'", WAIT);
        assertThat(status).as("status notice").isNotNull();
        StatusNotices.Notice notice = StatusNotices.parse(RunningGateway.bodyBytes(status));
        assertThat(notice.outcome()).isEqualTo("REJECTED");
        assertThat(notice.reasonCode()).isEqualTo("MALFORMED_XML");
        assertThat(RunningGateway.bodyText(status)).doesNotContain(secret);
        assertThat(headersOf(status)).doesNotContain(secret);

        Message kept = GATEWAY.get().receive("gw.rejected", "GwTransportMessageId = '" + transportId + "'", WAIT);
        assertThat(kept).as("original kept on gw.rejected").isNotNull();
        assertThat(kept.getStringProperty("GwReasonCode")).isEqualTo("MALFORMED_XML");
        assertThat(kept.getStringProperty("GwExplanation")).isNotBlank();
        assertThat(headersOf(kept)).doesNotContain(secret);
        assertThat(GATEWAY.get().heldContent(kept)).as("the original, unchanged")
                .isEqualTo(xml.getBytes(StandardCharsets.UTF_8));

        List<AuditEvent> trail = GATEWAY.get().audit().forExchange(notice.exchangeId());
        assertThat(trail).extracting(AuditEvent::step).contains("REJECTED").doesNotContain("HELD");
        assertThat(trail).allSatisfy(e -> assertThat(e.toString()).doesNotContain(secret));
        assertThat(List.copyOf(log.list.subList(logged, log.list.size())))
                .allSatisfy(e -> assertThat(e.getFormattedMessage()).doesNotContain(secret));
    }

    private static String headersOf(Message message) throws Exception {
        StringBuilder headers = new StringBuilder();
        for (Object name : Collections.list((java.util.Enumeration<?>) message.getPropertyNames())) {
            headers.append(name).append('=').append(message.getObjectProperty(String.valueOf(name))).append('\n');
        }
        return headers.toString();
    }
}
