package uk.xborder.gateway.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.xborder.gateway.receipt.PartnerSide.WAIT;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import jakarta.jms.Message;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import uk.xborder.gateway.audit.AuditEvent;
import uk.xborder.gateway.ledger.ReceiptState;
import uk.xborder.gateway.pipeline.GatewayHeaders;
import uk.xborder.gateway.schema.receipt.ReceiptOutcome;
import uk.xborder.gateway.exchange.Attempt;
import uk.xborder.gateway.exchange.AttemptOutcome;
import uk.xborder.gateway.exchange.ExchangeDetail;
import uk.xborder.gateway.exchange.ExchangeReferences;
import uk.xborder.gateway.exchange.ExchangeState;
import uk.xborder.gateway.testsupport.GatewayPerClass;
import uk.xborder.gateway.testsupport.PartnerInbox;
import uk.xborder.gateway.testsupport.RunningGateway;
import uk.xborder.gateway.testsupport.StatusNotices;

/**
 * A partner that does not answer: europol waits one second for each receipt and is sent the envelope again twice;
 * spoc-ie waits one second and is sent it again up to ten times. The same envelope - same bytes, same MessageId and
 * ExchangeId in its header - arrives again each time; after the last resend the exchange with europol is FAILED
 * (NO_RECEIPT), the envelope is held on gw.failed, and the agency is told. A receipt that comes after a resend still
 * closes the exchange.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoReceiptTest {

    @RegisterExtension
    static final GatewayPerClass GATEWAY = new GatewayPerClass(Map.of(
            "gateway.directory", impatientDirectory().toString(),
            "gateway.receipts.check-every", "200ms"));

    @Test
    void theSameEnvelopeIsSentAgainTwiceThenTheExchangeWithEuropolFails() throws Exception {
        RunningGateway gateway = GATEWAY.get();
        PartnerSide.Delivered delivered = PartnerSide.reportDeliveredTo(gateway, "europol");

        List<Message> resent = PartnerSide.envelopes(gateway, "europol", delivered.messageId(), 2, WAIT);
        assertThat(resent).as("resends").hasSize(2);
        for (Message again : resent) {
            assertThat(RunningGateway.bodyBytes(again)).as("the very same envelope").isEqualTo(delivered.envelope());
            assertThat(again.getStringProperty(GatewayHeaders.MESSAGE_ID)).isEqualTo(delivered.messageId());
            assertThat(again.getStringProperty(GatewayHeaders.EXCHANGE_ID)).isEqualTo(delivered.exchangeId());
            PartnerInbox.Opened opened = PartnerInbox.open("europol", RunningGateway.bodyBytes(again));
            assertThat(opened.messageId()).isEqualTo(delivered.messageId());
            assertThat(opened.exchangeId()).isEqualTo(delivered.exchangeId());
        }

        StatusNotices.Notice failed = PartnerSide.secondNotice(gateway, delivered, "europol", "FAILED");
        assertThat(failed.outcome()).isEqualTo("FAILED");
        assertThat(failed.reasonCode()).isEqualTo("NO_RECEIPT");
        assertThat(failed.jmsMessageId()).isEqualTo(delivered.transportId());
        assertThat(failed.recipient("europol").outcome()).isEqualTo("FAILED");
        assertThat(failed.recipient("europol").reasonCode()).isEqualTo("NO_RECEIPT");
        assertThat(failed.recipient("europol").explanation()).contains("europol").contains("3 times");

        Message held = gateway.receive("gw.failed", GatewayHeaders.MESSAGE_ID + " = '" + delivered.messageId()
                + "' AND " + GatewayHeaders.RECIPIENT + " = 'europol'", WAIT);
        assertThat(held).as("the envelope held on gw.failed").isNotNull();
        assertThat(held.getStringProperty(GatewayHeaders.REASON_CODE)).isEqualTo("NO_RECEIPT");
        assertThat(held.getStringProperty(GatewayHeaders.EXCHANGE_ID)).isEqualTo(delivered.exchangeId());
        assertThat(gateway.heldContent(held)).isEqualTo(delivered.envelope());
        ExchangeDetail stored = gateway.exchangeStore().get(ExchangeReferences.outbound(delivered.exchangeId(),
                "europol")).orElseThrow();
        assertThat(stored.exchange().state()).isEqualTo(ExchangeState.FAILED);
        assertThat(stored.exchange().reasonCode()).isEqualTo("NO_RECEIPT");
        assertThat(stored.attempts()).extracting(Attempt::key).containsSubsequence("resend-1", "resend-2");
        assertThat(stored.attempts()).hasSize(3).allSatisfy(attempt ->
                assertThat(attempt.outcome()).isEqualTo(AttemptOutcome.DELIVERED));

        List<AuditEvent> europol = ReceiptClosesTheExchangeTest.europolsTrail(gateway, delivered);
        assertThat(europol).extracting(AuditEvent::step).containsSubsequence("DELIVERED", "RESENT", "RESENT",
                "RECEIPT_OVERDUE", "STATUS_ISSUED");
        assertThat(europol).filteredOn(e -> e.step().equals("RESENT"))
                .allSatisfy(e -> assertThat(e.operation()).isEqualTo("DISCLOSURE"))
                .extracting(AuditEvent::eventKey).containsExactly(
                        delivered.exchangeId() + "/RESENT/europol/resend-1",
                        delivered.exchangeId() + "/RESENT/europol/resend-2");
        assertThat(europol).filteredOn(e -> e.step().equals("RECEIPT_OVERDUE")).singleElement()
                .satisfies(e -> assertThat(e.reason()).isEqualTo("NO_RECEIPT"));
        assertThat(ReceiptClosesTheExchangeTest.ledger(gateway).get(delivered.exchangeId(), "europol")).get()
                .satisfies(row -> {
                    assertThat(row.state()).isEqualTo(ReceiptState.FAILED);
                    assertThat(row.attempts()).isEqualTo(3);
                    assertThat(row.notified()).isTrue();
                });
        assertThat(gateway.receive("gw.partner.europol.out", "GwMessageId = '" + delivered.messageId() + "'", 1_500))
                .as("nothing is sent after the exchange failed").isNull();
    }

    @Test
    void aReceiptForTheResentEnvelopeClosesTheExchange() throws Exception {
        RunningGateway gateway = GATEWAY.get();
        PartnerSide.Delivered first = PartnerSide.reportDeliveredTo(gateway, "spoc-ie");
        List<Message> resent = PartnerSide.envelopes(gateway, "spoc-ie", first.messageId(), 1, WAIT);
        assertThat(resent).hasSize(1);
        byte[] again = RunningGateway.bodyBytes(resent.get(0));
        PartnerSide.Delivered delivered = new PartnerSide.Delivered(first.messageId(), first.transportId(),
                first.exchangeId(), again, PartnerInbox.open("spoc-ie", again));

        PartnerSide.putOnReceiptQueue(gateway, PartnerSide.signedBy("spoc-ie",
                PartnerSide.receipt(delivered, "spoc-ie", ReceiptOutcome.DELIVERED)));

        assertThat(PartnerSide.secondNotice(gateway, delivered, "spoc-ie", "ACKNOWLEDGED").outcome())
                .isEqualTo("ACKNOWLEDGED");
        assertThat(ReceiptClosesTheExchangeTest.ledger(gateway).get(first.exchangeId(), "spoc-ie")).get()
                .satisfies(row -> assertThat(row.state()).isEqualTo(ReceiptState.ACKNOWLEDGED));
    }

    @Test
    void anAwaitedReceiptSurvivesARestartAndIsStillWaitedFor() throws Exception {
        try (RunningGateway gateway = RunningGateway.start(Map.of(
                "gateway.directory", impatientDirectory().toString(),
                "gateway.receipts.check-every", "200ms"))) {
            // Nothing is sent again before the restart: what is overdue is the restarted gateway's to find.
            gateway.context().getRouteController().stopRoute("receipts-overdue");
            PartnerSide.Delivered delivered = PartnerSide.reportDeliveredTo(gateway, "europol");

            gateway.restart();

            assertThat(PartnerSide.envelopes(gateway, "europol", delivered.messageId(), 1, WAIT)).singleElement()
                    .satisfies(again -> assertThat(RunningGateway.bodyBytes(again)).isEqualTo(delivered.envelope()));
            assertThat(PartnerSide.secondNotice(gateway, delivered, "europol", "FAILED").recipient("europol")
                    .reasonCode()).isEqualTo("NO_RECEIPT");
        }
    }

    /**
     * The example directory with its certificate paths made absolute, europol waiting PT1S and resending twice,
     * spoc-ie waiting PT1S and resending ten times (nca keeps the defaults).
     */
    private static Path impatientDirectory() {
        try {
            Path project = RunningGateway.projectDirectory();
            String yaml = Files.readString(project.resolve("config/directory.yaml"))
                    .replace("../certs-example/", project.resolve("certs-example") + "/")
                    .replace("    endpoint: jms:queue:gw.partner.europol.out\n",
                            "    endpoint: jms:queue:gw.partner.europol.out\n"
                                    + "    receiptTimeout: PT1S\n    resendAttempts: 2\n")
                    .replace("    endpoint: jms:queue:gw.partner.spoc-ie.out\n",
                            "    endpoint: jms:queue:gw.partner.spoc-ie.out\n"
                                    + "    receiptTimeout: PT1S\n    resendAttempts: 10\n");
            if (!yaml.contains("resendAttempts: 2") || !yaml.contains("resendAttempts: 10")) {
                throw new IllegalStateException("the example directory no longer has the expected endpoints");
            }
            Path file = Files.createTempDirectory("impatient-directory").resolve("directory.yaml");
            return Files.writeString(file, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
