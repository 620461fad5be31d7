package uk.xborder.gateway.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import jakarta.jms.Message;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

import uk.xborder.gateway.audit.AuditEvent;
import uk.xborder.gateway.audit.AuditOutcome;
import uk.xborder.gateway.testsupport.Examples;
import uk.xborder.gateway.testsupport.GatewayPerClass;
import uk.xborder.gateway.testsupport.RunningGateway;
import uk.xborder.gateway.testsupport.StatusNotices;

/**
 * Values the agency's schema allows but the gateway's types cannot hold are the sender's to fix: the message is
 * refused as INVALID_VALUE naming the field, and the value itself appears nowhere the gateway writes (status
 * notice, held copy's headers, audit log, operational log), with no stack trace logged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class OutboundInvalidValueTest {

    private static final long WAIT = 20_000;

    @RegisterExtension
    static final GatewayPerClass GATEWAY = new GatewayPerClass();

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeAll
    void start() throws Exception {
        log.start();
        root.addAppender(log);
    }

    @AfterAll
    void stop() throws Exception {
        root.detachAppender(log);
    }

    @ParameterizedTest(name = "{0} {1} = {2}")
    @CsvSource({
            "police-scotland, CreatedDateTime, 2026-11-25T24:00:00Z",
            "police-scotland, CreatedDateTime, 10000-11-25T09:14:00Z",
            "police-scotland, CreatedDateTime, 2026-11-25T09:14:00.1234567891Z",
            "nca, RecordedAt, 2026-11-25T24:00:00+00:00",
            "nca, RecordedAt, 10000-11-25T11:02:37+00:00",
            "nca, RecordedAt, 2026-11-25T11:02:37.1234567891+00:00",
    })
    void aValueTheSchemaAllowsButNoTypeHoldsIsRefusedNamingTheField(String agency, String field, String value)
            throws Exception {
        Examples example = agency.equals("nca")
                ? Examples.ncaLog().replace("<LogReference>([^<]+)</LogReference>", Examples.uniqueId("NCA"))
                : Examples.policeScotlandReport().replace("<ReportURN>([^<]+)</ReportURN>", Examples.uniqueId("PS"));
        int logged = log.list.size();
        String transportId = GATEWAY.get().send(agency, example.replace("<" + field + ">([^<]+)</", value).xml());

        Message status = GATEWAY.get().receive("gw.agency." + agency + ".status",
                "GwTransportMessageId = '" + transportId + "'", WAIT);
        assertThat(status).as("status notice").isNotNull();
        String noticeXml = RunningGateway.bodyText(status);
        StatusNotices.Notice notice = StatusNotices.parse(RunningGateway.bodyBytes(status));
        assertThat(notice.outcome()).isEqualTo("REJECTED");
        assertThat(notice.reasonCode()).isEqualTo("INVALID_VALUE");
        assertThat(notice.explanation()).contains(field);
        assertThat(noticeXml).doesNotContain(value);

        Message kept = GATEWAY.get().receive("gw.rejected", "GwTransportMessageId = '" + transportId + "'", WAIT);
        assertThat(kept).as("original kept on gw.rejected").isNotNull();
        assertThat(kept.getStringProperty("GwReasonCode")).isEqualTo("INVALID_VALUE");
        assertThat(kept.getStringProperty("GwExplanation")).contains(field);
        for (String header : Collections.list((java.util.Enumeration<?>) kept.getPropertyNames()).stream()
                .map(String::valueOf).toList()) {
            assertThat(String.valueOf(kept.getObjectProperty(header))).as(header).doesNotContain(value);
        }

        List<AuditEvent> trail = GATEWAY.get().audit().forExchange(notice.exchangeId());
        assertThat(trail).filteredOn(e -> e.step().equals("REJECTED")).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo("REJECTED");
            assertThat(e.reason()).isEqualTo("INVALID_VALUE");
            assertThat(e.explanation()).contains(field);
        });
        assertThat(trail).extracting(AuditEvent::step).doesNotContain("HELD");
        assertThat(trail).allSatisfy(e -> assertThat(e.toString()).doesNotContain(value));

        List<ILoggingEvent> whileProcessing = List.copyOf(log.list.subList(logged, log.list.size()));
        assertThat(whileProcessing).allSatisfy(e -> {
            assertThat(e.getThrowableProxy()).as("stack trace logged: " + e.getFormattedMessage()).isNull();
            assertThat(e.getFormattedMessage()).doesNotContain(value);
        });
    }
}
