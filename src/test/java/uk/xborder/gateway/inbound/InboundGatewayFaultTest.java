package uk.xborder.gateway.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.jms.Message;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import uk.xborder.gateway.audit.AuditEvent;
import uk.xborder.gateway.testsupport.PartnerEnvelopes;
import uk.xborder.gateway.testsupport.RunningGateway;

/**
 * A fault of the gateway (here a hook that fails) is not a refusal: it is retried, then the envelope is held on
 * gw.failed as INTERNAL_ERROR, audited as HELD, and neither delivered nor answered; the next envelope goes through.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InboundGatewayFaultTest {

    private final AtomicInteger attempts = new AtomicInteger();
    private volatile String failFor = "";
    private RunningGateway gateway;

    @BeforeAll
    void start() throws Exception {
        ReceivedHooks failing = new ReceivedHooks() {
            @Override
            public void beforeDelivery(ReceivedMessage message) {
                if (message.facts().messageId().equals(failFor)) {
                    attempts.incrementAndGet();
                    throw new IllegalStateException("the deadline store is down");
                }
            }
        };
        gateway = RunningGateway.start(Map.of(), Map.of("receivedHooks", failing));
    }

    @AfterAll
    void stop() throws Exception {
        gateway.close();
    }

    @Test
    void aFaultIsRetriedThenHeldForAnOperator() throws Exception {
        PartnerEnvelopes hit = PartnerEnvelopes.europolHit();
        failFor = hit.messageId();
        byte[] envelope = hit.build();

        gateway.sendEnvelope(envelope);

        Message held = gateway.receive("gw.failed", "GwMessageId = '" + hit.messageId() + "'", 20_000);
        assertThat(held).as("held on gw.failed").isNotNull();
        assertThat(held.getStringProperty("GwReasonCode")).isEqualTo("INTERNAL_ERROR");
        assertThat(gateway.heldContent(held)).isEqualTo(envelope);
        assertThat(attempts.get()).as("first attempt and two retries").isEqualTo(3);
        assertThat(gateway.audit().forExchange(held.getStringProperty("GwExchangeId")))
                .extracting(AuditEvent::step).contains("HELD").doesNotContain("REJECTED", "DELIVERED",
                        "RECEIPT_ISSUED");
        assertThat(gateway.receive("gw.agency.police-scotland.in", "GwMessageId = '" + hit.messageId() + "'", 500))
                .isNull();
        assertThat(gateway.receive("gw.partner.europol.receipts", "GwMessageId = '" + hit.messageId() + "'", 500))
                .isNull();

        PartnerEnvelopes next = PartnerEnvelopes.europolHit();
        gateway.sendEnvelope(next.build());
        assertThat(gateway.receive("gw.agency.police-scotland.in", "GwMessageId = '" + next.messageId() + "'",
                20_000)).isNotNull();
    }
}
