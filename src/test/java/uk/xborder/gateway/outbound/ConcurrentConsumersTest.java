package uk.xborder.gateway.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.jms.Message;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import uk.xborder.gateway.audit.AuditEvent;
import uk.xborder.gateway.testsupport.Examples;
import uk.xborder.gateway.testsupport.RunningGateway;
import uk.xborder.gateway.testsupport.StatusNotices;

/**
 * With several consumers on an agency's queue (gateway.outbound.consumers-per-agency), messages are processed side
 * by side, each in its own transaction and audit batch: every partner still gets every message once, and each
 * exchange's audit entries are still in the order of its steps.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrentConsumersTest {

    private static final int MESSAGES = 24;
    private static final List<String> RECIPIENTS = List.of("europol", "spoc-ie", "nca");

    private RunningGateway gateway;

    @BeforeAll
    void start() throws Exception {
        gateway = RunningGateway.start(Map.of("gateway.outbound.consumers-per-agency", "3"));
    }

    @AfterAll
    void stop() throws Exception {
        gateway.close();
    }

    @Test
    void threeConsumersDeliverEveryMessageOnceToEachPartnerWithEachExchangesStepsInOrder() throws Exception {
        Map<String, String> messageByTransportId = new HashMap<>();
        for (int i = 0; i < MESSAGES; i++) {
            String messageId = Examples.uniqueId("PS-IR");
            messageByTransportId.put(gateway.send("police-scotland", Examples.policeScotlandReport()
                    .replace("<ReportURN>([^<]+)</ReportURN>", messageId).xml()), messageId);
        }

        List<String> exchangeIds = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            Message status = gateway.receive("gw.agency.police-scotland.status", 30_000);
            assertThat(status).as("status notice %d of %d", i + 1, MESSAGES).isNotNull();
            StatusNotices.Notice notice = StatusNotices.parse(RunningGateway.bodyBytes(status));
            assertThat(messageByTransportId).containsValue(notice.messageId());
            exchangeIds.add(notice.exchangeId());
        }
        assertThat(exchangeIds).doesNotHaveDuplicates();

        for (String recipient : RECIPIENTS) {
            List<String> delivered = new ArrayList<>();
            for (Message envelope : gateway.drain("gw.partner." + recipient + ".out")) {
                delivered.add(envelope.getStringProperty("GwMessageId"));
            }
            assertThat(delivered).as("what %s received", recipient)
                    .containsExactlyInAnyOrderElementsOf(messageByTransportId.values());
        }

        for (String exchangeId : exchangeIds) {
            assertThat(gateway.audit().stepsOf(exchangeId)).as("the steps of %s", exchangeId)
                    .startsWith("RECEIVED", "WELL_FORMED", "SCHEMA_VALID", "CANONICALISED", "SENDER_VERIFIED")
                    .containsSubsequence("AUTHORISED", "TRANSLATED", "SIGNED", "ENCRYPTED", "WRAPPED", "RELEASED",
                            "DELIVERED", "STATUS_ISSUED");
            for (String recipient : RECIPIENTS) {
                assertThat(gateway.audit().forExchange(exchangeId))
                        .filteredOn(e -> e.recipients().equals(List.of(recipient)))
                        .extracting(AuditEvent::step)
                        .as("the steps of %s for %s", exchangeId, recipient)
                        .containsExactly("AUTHORISED", "TRANSLATED", "SIGNED", "ENCRYPTED", "WRAPPED", "RELEASED",
                                "DELIVERED");
            }
        }
    }
}
