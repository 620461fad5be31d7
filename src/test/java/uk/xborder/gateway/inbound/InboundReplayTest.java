package uk.xborder.gateway.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.jms.Message;

import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.xborder.gateway.audit.AuditEvent;
import uk.xborder.gateway.exchange.ExchangeReferences;
import uk.xborder.gateway.exchange.ExchangeState;
import uk.xborder.gateway.exchange.StoredExchange;
import uk.xborder.gateway.pipeline.GatewayHeaders;
import uk.xborder.gateway.schema.receipt.DeliveryReceipt;
import uk.xborder.gateway.schema.receipt.ReceiptOutcome;
import uk.xborder.gateway.testsupport.ApiCalls;
import uk.xborder.gateway.testsupport.BrokerClient;
import uk.xborder.gateway.testsupport.PartnerEnvelopes;
import uk.xborder.gateway.testsupport.Receipts;
import uk.xborder.gateway.testsupport.RunningGateway;
import uk.xborder.gateway.testsupport.TestDirectory;

/**
 * A partner's envelope refused because the gateway lacked the signer's trust anchor (Europol's entry names the UK
 * root instead of the EU one), replayed once the directory is fixed and the gateway restarted on the same data
 * directory: the agency receives it once, Europol gets a DELIVERED receipt, and the trails say who replayed it, why,
 * and which exchange the replay became. An envelope whose message id was delivered meanwhile (Europol sent it again)
 * is not replayed unless forced, and forced it is answered with the receipt on record and not delivered again. A
 * replay claim from anyone but the gateway, or one the store does not vouch for, is set aside, never believed.
 */
class InboundReplayTest {

    private static final String AGENCY_IN = "gw.agency.police-scotland.in";
    private static final String RECEIPTS = "gw.partner.europol.receipts";
    private static final String EU_ANCHOR = "trustAnchor: ../certs-example/eu-root-ca/cert.pem\n"
            + "    crl: ../certs-example/eu-root-ca/crl.pem\n    highestMarking: { scheme: EU, level: SECRET-UE }";
    private static final String WHY = "Change 2026-118: Europol's EU root CA restored in the directory";
    private static final long WAIT = 30_000;

    @TempDir
    Path folder;

    @Test
    void anEnvelopeRefusedForWantOfATrustAnchorIsReplayedAfterTheFixAndDeliveredOnce() throws Exception {
        Path directory = TestDirectory.shipped().write(folder);
        String shipped = Files.readString(directory);
        String anchor = EU_ANCHOR.replace("../certs-example",
                RunningGateway.projectDirectory().resolve("certs-example").toString());
        assertThat(shipped).contains(anchor);
        Files.writeString(directory, shipped.replace(anchor, anchor.replace("eu-root-ca/cert.pem",
                "uk-root-ca/cert.pem")));
        try (RunningGateway gateway = RunningGateway.start(Map.of("gateway.directory", directory.toString()))) {
            PartnerEnvelopes hit = PartnerEnvelopes.europolHit();
            byte[] envelope = hit.build();
            PartnerEnvelopes sentAgain = PartnerEnvelopes.europolHit();
            byte[] laterSentAgain = sentAgain.build();
            String refused = refused(gateway, envelope, hit);
            String refusedToo = refused(gateway, laterSentAgain, sentAgain);

            // The directory names Europol's own root again; the gateway restarts on the same data directory.
            Files.writeString(directory, shipped);
            gateway.restart();
            ApiCalls api = new ApiCalls(gateway);

            JsonNode listed = api.read("/api/v1/exchanges?direction=INBOUND&partner=europol&state=REJECTED"
                    + "&reasonCode=SIGNER_UNTRUSTED&messageId=" + hit.messageId(), "operator");
            assertThat(listed.path("total").asLong()).isEqualTo(1);
            assertThat(listed.path("exchanges").get(0).path("reference").asText()).isEqualTo(refused);

            HttpResponse<String> replayed = api.post("/api/v1/exchanges/" + refused + "/replay", "operator", WHY,
                    "{\"reason\": \"" + WHY + "\"}");
            assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(200);
            String replayExchange = exchangeNamedIn(api.json(replayed));

            Message delivered = gateway.receive(AGENCY_IN, "GwMessageId = '" + hit.messageId() + "'", WAIT);
            assertThat(delivered).as("the agency's copy").isNotNull();
            DeliveryReceipt receipt = receipt(gateway, hit.messageId(), "DELIVERED");
            assertThat(receipt.getOutcome()).isEqualTo(ReceiptOutcome.DELIVERED);
            StoredExchange original = gateway.exchangeStore().exchange(refused).orElseThrow();
            assertThat(original.state()).isEqualTo(ExchangeState.REPLAYED);
            // answered as of its first arrival, not of the replay
            assertThat(receipt.getReceivedAt().toInstant())
                    .isBefore(gateway.exchangeStore().forExchangeId(replayExchange).get(0).createdAt());
            assertThat(gateway.exchangeStore().forExchangeId(replayExchange)).singleElement()
                    .satisfies(e -> assertThat(e.state()).isEqualTo(ExchangeState.DELIVERED));

            List<AuditEvent> trail = gateway.audit().forExchange(original.exchangeId());
            assertThat(trail).filteredOn(e -> e.step().equals("REPLAY_REQUESTED")).singleElement().satisfies(e -> {
                assertThat(e.actor()).isEqualTo("user:operator");
                assertThat(e.justification()).isEqualTo(WHY);
                assertThat(e.explanation()).contains(refused, "partner's envelope");
            });
            List<AuditEvent> replayTrail = gateway.audit().forExchange(replayExchange);
            assertThat(replayTrail).extracting(AuditEvent::step).startsWith("INBOUND_RECEIVED")
                    .contains("SIGNATURE_VERIFIED", "DELIVERED", "RECEIPT_ISSUED");
            assertThat(replayTrail.get(0).explanation()).contains(original.exchangeId(), refused, "vouched for");

            // It is replayed once: again, or a discard, is told its replay lives on as an exchange of its own.
            assertProblem(api.post("/api/v1/exchanges/" + refused + "/replay", "operator", WHY,
                    "{\"reason\": \"again\", \"force\": true}"), "REPLAYED_ALREADY");
            assertProblem(api.post("/api/v1/exchanges/" + refused + "/discard", "operator", WHY,
                    "{\"reason\": \"tidy up\"}"), "REPLAYED_ALREADY");
            assertThat(gateway.exchangeStore().exchange(refused).orElseThrow().state())
                    .isEqualTo(ExchangeState.REPLAYED);

            // Europol sends the other envelope again itself, and it is delivered; the refusal of its first arrival
            // is then not replayed unless forced, and forced it is answered with the receipt on record.
            gateway.sendEnvelope(laterSentAgain);
            assertThat(gateway.receive(AGENCY_IN, "GwMessageId = '" + sentAgain.messageId() + "'", WAIT))
                    .as("the agency's copy of the envelope sent again").isNotNull();
            byte[] onRecord = RunningGateway.bodyBytes(receiptMessage(gateway, sentAgain.messageId(), "DELIVERED"));
            assertProblem(api.post("/api/v1/exchanges/" + refusedToo + "/replay", "operator", WHY,
                    "{\"reason\": \"" + WHY + "\"}"), "DELIVERED_ALREADY");
            HttpResponse<String> forced = api.post("/api/v1/exchanges/" + refusedToo + "/replay", "operator", WHY,
                    "{\"reason\": \"make sure Europol has its receipt\", \"force\": true}");
            assertThat(forced.statusCode()).as(forced.body()).isEqualTo(200);
            String forcedExchange = exchangeNamedIn(api.json(forced));
            assertThat(RunningGateway.bodyBytes(receiptMessage(gateway, sentAgain.messageId(), "DELIVERED")))
                    .as("the receipt on record, byte for byte").isEqualTo(onRecord);
            // the receipt is sent in the transaction that would have delivered it: nothing more is coming
            assertThat(gateway.browse(AGENCY_IN)).noneMatch(m -> property(m, "GwMessageId")
                    .equals(sentAgain.messageId()));
            assertThat(gateway.exchangeStore().forExchangeId(forcedExchange)).singleElement().satisfies(e -> {
                assertThat(e.state()).isEqualTo(ExchangeState.DELIVERED);
                assertThat(e.reasonCode()).isEqualTo("DUPLICATE_MESSAGE");
            });
            assertThat(gateway.audit().stepsOf(forcedExchange)).contains("RECEIPT_REPEATED")
                    .doesNotContain("DELIVERED");

            // A replay claim from a partner is set aside: the envelope is checked as any other, and says so.
            PartnerEnvelopes claiming = PartnerEnvelopes.europolHit();
            BrokerClient europol = gateway.client("europol");
            Message forged = europol.bytes(claiming.build());
            forged.setStringProperty(GatewayHeaders.REPLAY_OF, refused);
            String forgedId = europol.send("gw.inbound", forged);
            assertThat(gateway.receive(AGENCY_IN, "GwMessageId = '" + claiming.messageId() + "'", WAIT)).isNotNull();
            assertThat(gateway.audit().forExchange(InboundMessage.exchangeIdOf(forgedId)).get(0).explanation())
                    .contains("claims to be a replay", "not put on gw.inbound by the gateway's own broker user");
            // ...and one from the gateway's own user that the store does not vouch for too.
            PartnerEnvelopes unvouched = PartnerEnvelopes.europolHit();
            try (BrokerClient own = gateway.gatewayClient()) {
                Message claim = own.bytes(unvouched.build());
                claim.setStringProperty(GatewayHeaders.REPLAY_OF, refused);
                String claimId = own.send("gw.inbound", claim);
                assertThat(gateway.receive(AGENCY_IN, "GwMessageId = '" + unvouched.messageId() + "'", WAIT))
                        .isNotNull();
                assertThat(gateway.audit().forExchange(InboundMessage.exchangeIdOf(claimId)).get(0).explanation())
                        .contains("claims to be a replay", "not the envelope the exchange store keeps");
            }
        }
    }

    @Test
    void anEnvelopeHeldAfterAFaultIsReplayedOnceTheFaultIsMendedAndDeliveredOnce() throws Exception {
        PartnerEnvelopes hit = PartnerEnvelopes.europolHit();
        AtomicBoolean down = new AtomicBoolean(true);
        ReceivedHooks deadlines = new ReceivedHooks() {
            @Override
            public void beforeDelivery(ReceivedMessage message) {
                if (down.get() && message.facts().messageId().equals(hit.messageId())) {
                    throw new IllegalStateException("the deadline store is down");
                }
            }
        };
        try (RunningGateway gateway = RunningGateway.start(Map.of(), Map.of("receivedHooks", deadlines))) {
            byte[] envelope = hit.build();
            gateway.sendEnvelope(envelope);
            Message held = gateway.receive("gw.failed", "GwMessageId = '" + hit.messageId() + "'", WAIT);
            assertThat(held).as("held on gw.failed").isNotNull();
            assertThat(held.getStringProperty(GatewayHeaders.REASON_CODE)).isEqualTo("INTERNAL_ERROR");
            String reference = held.getStringProperty(GatewayHeaders.EXCHANGE_REFERENCE);
            assertThat(gateway.exchangeStore().exchange(reference).orElseThrow().state())
                    .isEqualTo(ExchangeState.FAILED);

            ApiCalls api = new ApiCalls(gateway);
            // While the fault lasts, the replay is held again, as a new exchange left for the operator.
            HttpResponse<String> tooSoon = api.post("/api/v1/exchanges/" + reference + "/replay", "operator", WHY,
                    "{\"reason\": \"deadline store back?\"}");
            assertThat(tooSoon.statusCode()).as(tooSoon.body()).isEqualTo(200);
            Message heldAgain = gateway.receive("gw.failed", "GwMessageId = '" + hit.messageId() + "'", WAIT);
            assertThat(heldAgain).as("the replay held again").isNotNull();
            String again = heldAgain.getStringProperty(GatewayHeaders.EXCHANGE_REFERENCE);
            assertThat(again).isNotEqualTo(reference);
            assertThat(heldAgain.getStringProperty(GatewayHeaders.EXCHANGE_ID))
                    .isEqualTo(exchangeNamedIn(api.json(tooSoon)));

            down.set(false);
            HttpResponse<String> replayed = api.post("/api/v1/exchanges/" + again + "/replay", "operator", WHY,
                    "{\"reason\": \"deadline store restored\"}");
            assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(200);
            assertThat(gateway.receive(AGENCY_IN, "GwMessageId = '" + hit.messageId() + "'", WAIT))
                    .as("the agency's copy").isNotNull();
            assertThat(receipt(gateway, hit.messageId(), "DELIVERED").getOutcome())
                    .isEqualTo(ReceiptOutcome.DELIVERED);
            assertThat(gateway.browse(AGENCY_IN)).noneMatch(m -> property(m, "GwMessageId").equals(hit.messageId()));
            assertThat(gateway.exchangeStore().forExchangeId(exchangeNamedIn(api.json(replayed)))).singleElement()
                    .satisfies(e -> assertThat(e.state()).isEqualTo(ExchangeState.DELIVERED));
            assertThat(List.of(reference, again)).allSatisfy(ref -> assertThat(gateway.exchangeStore().exchange(ref)
                    .orElseThrow().state()).isEqualTo(ExchangeState.REPLAYED));
            // held exchanges got no receipt: the one DELIVERED receipt is the only one Europol has
            assertThat(gateway.browse(RECEIPTS)).noneMatch(m -> property(m, "GwMessageId").equals(hit.messageId()));
        }
    }

    @Test
    void anEnvelopeHeldAfterTheAgencysQueueHadItIsNotDeliveredTwiceWhenReplayed() throws Exception {
        PartnerEnvelopes hit = PartnerEnvelopes.europolHit();
        AtomicBoolean down = new AtomicBoolean(true);
        ReceivedHooks requests = new ReceivedHooks() {
            @Override
            public void afterDelivery(ReceivedMessage message) {
                if (down.get() && message.facts().messageId().equals(hit.messageId())) {
                    throw new IllegalStateException("the request tracker is down");
                }
            }
        };
        try (RunningGateway gateway = RunningGateway.start(Map.of(), Map.of("receivedHooks", requests))) {
            gateway.sendEnvelope(hit.build());
            Message held = gateway.receive("gw.failed", "GwMessageId = '" + hit.messageId() + "'", WAIT);
            assertThat(held).as("held on gw.failed").isNotNull();
            String reference = held.getStringProperty(GatewayHeaders.EXCHANGE_REFERENCE);
            // the hold commits the transaction the agency's copy was sent in: the agency has it already
            assertThat(gateway.receive(AGENCY_IN, "GwMessageId = '" + hit.messageId() + "'", WAIT))
                    .as("the agency's copy, before the fault").isNotNull();

            assertThat(held.getStringProperty(GatewayHeaders.EXPLANATION)).contains("after the agency's queue had");

            // Its receipt is on record: the replay is refused as delivered already, and forced it is a repeat,
            // answered with that receipt (Europol's first), never a second copy for the agency.
            down.set(false);
            ApiCalls api = new ApiCalls(gateway);
            assertProblem(api.post("/api/v1/exchanges/" + reference + "/replay", "operator", WHY,
                    "{\"reason\": \"request tracker restored\"}"), "DELIVERED_ALREADY");
            HttpResponse<String> replayed = api.post("/api/v1/exchanges/" + reference + "/replay", "operator", WHY,
                    "{\"reason\": \"request tracker restored\", \"force\": true}");
            assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(200);
            assertThat(receipt(gateway, hit.messageId(), "DELIVERED").getOutcome())
                    .isEqualTo(ReceiptOutcome.DELIVERED);
            assertThat(gateway.receive(AGENCY_IN, "GwMessageId = '" + hit.messageId() + "'", 1_000))
                    .as("a second copy").isNull();
            assertThat(gateway.exchangeStore().forExchangeId(exchangeNamedIn(api.json(replayed)))).singleElement()
                    .satisfies(e -> {
                        assertThat(e.state()).isEqualTo(ExchangeState.DELIVERED);
                        assertThat(e.reasonCode()).isEqualTo("DUPLICATE_MESSAGE");
                    });

            // and Europol's own resend, had it come first, is answered the same way
            gateway.sendEnvelope(hit.build());
            assertThat(receipt(gateway, hit.messageId(), "DELIVERED").getOutcome())
                    .isEqualTo(ReceiptOutcome.DELIVERED);
            assertThat(gateway.receive(AGENCY_IN, "GwMessageId = '" + hit.messageId() + "'", 1_000))
                    .as("a second copy").isNull();
        }
    }

    @Test
    void aFaultBetweenTheAgencysCopyAndItsReceiptRollsTheCopyBackAndTheDeadLetterIsReplayedOnce() throws Exception {
        PartnerEnvelopes hit = PartnerEnvelopes.europolHit();
        AtomicBoolean signingDown = new AtomicBoolean(true);
        try (RunningGateway gateway = RunningGateway.start(Map.of("gateway.broker.max-delivery-attempts", "2"))) {
            // the receipt cannot be signed, after the agency's copy went into the transaction
            AdviceWith.adviceWith(gateway.context(), "inbound-deliver", route -> route
                    .weaveById("inbound-issue-receipt").before().process(exchange -> {
                        if (signingDown.get() && exchange.getMessage().getBody(String.class)
                                .contains(hit.messageId())) {
                            throw new IllegalStateException("the signing key is unavailable");
                        }
                    }));
            String jmsId = gateway.sendEnvelope(hit.build());
            // rolled back at each delivery, then parked by the broker on gw.dlq and kept from there
            String deadLetter = ExchangeReferences.deadLetter(jmsId);
            await().atMost(Duration.ofMillis(WAIT)).until(() -> gateway.exchangeStore().exchange(deadLetter)
                    .isPresent());
            StoredExchange dead = gateway.exchangeStore().exchange(deadLetter).orElseThrow();
            assertThat(dead.reasonCode()).isEqualTo("DEAD_LETTER");
            assertThat(gateway.receive(AGENCY_IN, "GwMessageId = '" + hit.messageId() + "'", 500))
                    .as("no copy committed").isNull();
            assertThat(gateway.browse("gw.failed")).noneMatch(m -> property(m, "GwMessageId")
                    .equals(hit.messageId()));
            // the store and the trail, which said DELIVERED before the rollback, say it was undone
            String processing = InboundMessage.exchangeIdOf(jmsId);
            assertThat(gateway.exchangeStore().forExchangeId(processing)).singleElement().satisfies(e -> {
                assertThat(e.state()).isEqualTo(ExchangeState.FAILED);
                assertThat(e.explanation()).contains("rolled back, the copy with it");
            });
            assertThat(gateway.audit().stepsOf(processing)).containsSubsequence("DELIVERED", "HELD")
                    .doesNotContain("RECEIPT_ISSUED");

            signingDown.set(false);
            HttpResponse<String> replayed = new ApiCalls(gateway).post("/api/v1/exchanges/" + dead.reference()
                    + "/replay", "operator", WHY, "{\"reason\": \"signing key restored\"}");
            assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(200);
            assertThat(gateway.receive(AGENCY_IN, "GwMessageId = '" + hit.messageId() + "'", WAIT))
                    .as("the agency's copy").isNotNull();
            assertThat(receipt(gateway, hit.messageId(), "DELIVERED").getOutcome())
                    .isEqualTo(ReceiptOutcome.DELIVERED);
            assertThat(gateway.receive(AGENCY_IN, "GwMessageId = '" + hit.messageId() + "'", 1_000))
                    .as("a second copy").isNull();
        }
    }

    /** Sends the envelope as Europol; it is refused SIGNER_UNTRUSTED with a receipt saying so. Its reference. */
    private static String refused(RunningGateway gateway, byte[] envelope, PartnerEnvelopes sent) throws Exception {
        gateway.sendEnvelope(envelope);
        DeliveryReceipt receipt = receipt(gateway, sent.messageId(), "REFUSED");
        assertThat(receipt.getReasonCode().value()).isEqualTo("SIGNER_UNTRUSTED");
        Message kept = gateway.receive("gw.rejected", "GwMessageId = '" + sent.messageId() + "'", WAIT);
        assertThat(kept).as("the refusal's notice").isNotNull();
        assertThat(kept.getStringProperty(GatewayHeaders.REASON_CODE)).isEqualTo("SIGNER_UNTRUSTED");
        assertThat(gateway.heldContent(kept)).isEqualTo(envelope);
        assertThat(gateway.receive(AGENCY_IN, "GwMessageId = '" + sent.messageId() + "'", 200)).isNull();
        return kept.getStringProperty(GatewayHeaders.EXCHANGE_REFERENCE);
    }

    private static DeliveryReceipt receipt(RunningGateway gateway, String messageId, String outcome)
            throws Exception {
        return Receipts.open(RunningGateway.bodyBytes(receiptMessage(gateway, messageId, outcome))).receipt();
    }

    private static Message receiptMessage(RunningGateway gateway, String messageId, String outcome)
            throws Exception {
        Message message = gateway.receive(RECEIPTS, "GwMessageId = '" + messageId + "'", WAIT);
        assertThat(message).as(outcome + " receipt for " + messageId).isNotNull();
        assertThat(message.getStringProperty("GwReceiptOutcome")).isEqualTo(outcome);
        return message;
    }

    /** The exchange id the replay runs under, as its answer names it ("... as exchange <id>, ..."). */
    private static String exchangeNamedIn(JsonNode answer) {
        Matcher id = Pattern.compile("as exchange ([0-9a-f-]{36})").matcher(answer.path("explanation").asText());
        assertThat(id.find()).as("the replay's answer names its exchange: " + answer).isTrue();
        return id.group(1);
    }

    private static void assertProblem(HttpResponse<String> response, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
        assertThat(response.body()).contains("\"" + code + "\"");
    }

    private static String property(Message message, String name) {
        try {
            return String.valueOf(message.getStringProperty(name));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
