package uk.xborder.gateway.exchange.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.jms.BytesMessage;
import jakarta.jms.Message;
import jakarta.jms.ObjectMessage;
import jakarta.jms.TextMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import uk.xborder.gateway.audit.AuditEvent;
import uk.xborder.gateway.exchange.ContentKind;
import uk.xborder.gateway.exchange.Direction;
import uk.xborder.gateway.exchange.ExchangeQuery;
import uk.xborder.gateway.exchange.ExchangeReferences;
import uk.xborder.gateway.exchange.ExchangeState;
import uk.xborder.gateway.exchange.ExchangeStore;
import uk.xborder.gateway.exchange.OpenedContent;
import uk.xborder.gateway.exchange.StoredExchange;
import uk.xborder.gateway.exchange.operator.ExchangeOperator;
import uk.xborder.gateway.exchange.operator.OperatorAction;
import uk.xborder.gateway.exchange.operator.OperatorResult;
import uk.xborder.gateway.exchange.operator.Outcome;
import uk.xborder.gateway.inbound.InboundMessage;
import uk.xborder.gateway.pipeline.GatewayHeaders;
import uk.xborder.gateway.testsupport.BrokerClient;
import uk.xborder.gateway.testsupport.Examples;
import uk.xborder.gateway.testsupport.RecordsDeserialization;
import uk.xborder.gateway.testsupport.PartnerEnvelopes;
import uk.xborder.gateway.testsupport.RunningGateway;
import uk.xborder.gateway.testsupport.StatusNotices;
import uk.xborder.gateway.testsupport.TestDirectory;

/**
 * Dead letters on the real gateway: a partner's retry that the gateway keeps failing on is parked by the broker on
 * gw.dlq, taken from there into the exchange store (FAILED, DEAD_LETTER, its content sealed with its original address
 * and properties, audited, gone from gw.dlq), and resent to its retry queue, where the partner's retry consumer takes
 * it again. Dead letters the store cannot keep, or that name no address, are recorded with their own reason and
 * nothing is lost.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeadLettersOnTheGatewayTest {

    private static final String PS = "police-scotland";
    private static final long WAIT = 30_000;
    /** Above both limits below: more than the gateway takes in anywhere. */
    private static final int TOO_LARGE = 80 * 1024;

    private final RetryRollsBack retries = new RetryRollsBack();
    private RunningGateway gateway;

    @BeforeAll
    void start(@TempDir Path folder) throws Exception {
        // europol's broker is down (nothing listens on port 1): every hand-over to it fails for a reason that may
        // pass, so each delivery to europol goes through its retry queue, gw.retry.europol.
        Path directory = TestDirectory.shipped().edit("endpoint: jms:queue:gw.partner.europol.out",
                "endpoint: europol-broker:queue:uk.inbox").write(folder);
        gateway = RunningGateway.start(Map.of(
                "gateway.directory", directory.toString(),
                "gateway.partner-brokers", "europol-broker",
                "gateway.partner-broker.europol-broker.url", "tcp://127.0.0.1:1",
                "gateway.partner-broker.europol-broker.partner", "europol",
                "gateway.partner-broker.europol-broker.inbound-queue", "uk.inbox",
                "gateway.partner-broker.europol-broker.receipts-queue", "uk.receipts",
                "gateway.broker.max-delivery-attempts", "2",
                "gateway.max-message-bytes", "65536",
                "gateway.inbound.max-envelope-bytes", "65536"),
                Map.of("retryRollsBack", retries));
    }

    @AfterAll
    void stop() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void aRetryTheGatewayKeepsFailingOnIsTakenFromTheDeadLetterQueueAndResentToItsRetryConsumer() throws Exception {
        String messageId = Examples.uniqueId("PS-IR");
        retries.fail(messageId);
        String transportId = gateway.send(PS, Examples.policeScotlandReport()
                .replace("<ReportURN>([^<]+)</ReportURN>", messageId).xml());
        StatusNotices.Notice notice = notice(transportId);
        assertThat(notice.recipient("europol").outcome()).isEqualTo("RETRYING");

        // Rolled back at each of its two deliveries, parked on gw.dlq, taken into the store.
        StoredExchange dead = awaitDeadLetter(messageId, "DEAD_LETTER");
        assertThat(retries.takes(messageId)).isEqualTo(2);
        assertThat(dead.state()).isEqualTo(ExchangeState.FAILED);
        assertThat(dead.direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(dead.partner()).isEqualTo("europol");
        assertThat(dead.agency()).isEqualTo(PS);
        // on the trail of the agency's exchange, under its own reference
        assertThat(dead.exchangeId()).isEqualTo(notice.exchangeId());
        assertThat(dead.reference()).isNotEqualTo(ExchangeReferences.outbound(notice.exchangeId(), "europol"));
        assertThat(dead.explanation()).contains("gw.retry.europol", "a partner's retry queue",
                "gateway.broker.max-delivery-attempts is 2").doesNotContain(messageId);

        OpenedContent opened = store().openContent(dead.reference()).orElseThrow();
        assertThat(opened.kind()).isEqualTo(ContentKind.DEAD_LETTER);
        DeadLetterContent content = DeadLetterContent.decode(opened.bytes());
        assertThat(content.originalAddress()).contains("gw.retry.europol");
        assertThat(content.text()).isFalse();
        assertThat(content.properties()).containsEntry("GwMessageId", messageId)
                .containsEntry("GwRecipient", "europol").doesNotContainKeys("_AMQ_DUPL_ID", "_AMQ_ORIG_ADDRESS",
                        "JMSXDeliveryCount");
        assertThat(content.body()).isNotEmpty();

        List<AuditEvent> taken = steps(notice.exchangeId(), "DEAD_LETTER_TAKEN");
        assertThat(taken).singleElement().satisfies(event -> {
            assertThat(event.reason()).isEqualTo("DEAD_LETTER");
            assertThat(event.outcome()).isEqualTo("FAILED");
            assertThat(event.explanation()).contains("gw.retry.europol");
        });
        // off gw.dlq: the store write and the take were one transaction
        await().atMost(Duration.ofMillis(WAIT)).until(() -> gateway.browse("gw.dlq").stream()
                .noneMatch(message -> messageId.equals(property(message, "GwMessageId"))));

        // Replayed by an operator, it is sent back to gw.retry.europol and taken again by europol's retry consumer,
        // which makes its attempt: still down, so the delivery fails as any last attempt does, and is held on
        // gw.failed.
        retries.recover(messageId);
        OperatorResult replayed = operator().replay(dead.reference(),
                new OperatorAction("user:operator", "retry consumer fixed", false));
        assertThat(replayed.outcome()).isEqualTo(Outcome.REPLAYED);
        assertThat(replayed.explanation()).startsWith("Sent back to its original address as ID:");
        assertThat(steps(notice.exchangeId(), "REPLAY_REQUESTED")).singleElement()
                .satisfies(event -> assertThat(event.explanation()).contains("back to the address"));
        await().atMost(Duration.ofMillis(WAIT)).until(() -> retries.takes(messageId) == 3);
        await().atMost(Duration.ofMillis(WAIT)).until(() -> !steps(notice.exchangeId(), "DELIVERY_FAILED").isEmpty());
        Message held = gateway.receive("gw.failed", "GwMessageId = '" + messageId + "'", WAIT);
        assertThat(held).as("the delivery given up after the resent attempt, on gw.failed").isNotNull();
        assertThat(store().exchange(ExchangeReferences.outbound(notice.exchangeId(), "europol")).orElseThrow()
                .state()).isEqualTo(ExchangeState.FAILED);
    }

    @Test
    void aDeadLetterNamingNoOriginalAddressIsKeptSealedButCannotBeResent() throws Exception {
        String marker = Examples.uniqueId("NO-ADDRESS");
        String jmsId;
        try (BrokerClient client = gateway.gatewayClient()) {
            TextMessage letter = client.text("<not-for-anyone/>");
            letter.setStringProperty("TestMarker", marker);
            jmsId = client.send("gw.dlq", letter);
        }
        StoredExchange dead = awaitRecorded(jmsId, "DEAD_LETTER_UNADDRESSED");
        assertThat(dead.state()).isEqualTo(ExchangeState.FAILED);
        assertThat(dead.explanation()).contains("naming no original address", "cannot be resent");
        OpenedContent opened = store().openContent(dead.reference()).orElseThrow();
        DeadLetterContent content = DeadLetterContent.decode(opened.bytes());
        assertThat(content.originalAddress()).isEmpty();
        assertThat(content.text()).isTrue();
        assertThat(new String(content.body(), StandardCharsets.UTF_8)).isEqualTo("<not-for-anyone/>");
        assertThat(gateway.audit().forExchange(dead.exchangeId())).extracting(AuditEvent::step)
                .containsExactly("DEAD_LETTER_TAKEN");

        DeadLetterResend resend = gateway.context().getRegistry().lookupByNameAndType("deadLetterResend",
                DeadLetterResend.class);
        assertThatThrownBy(() -> resend.resend(dead, opened)).isInstanceOf(ResendRefusedException.class)
                .hasMessageContaining("no original address");
        // an operator's replay of it is refused as not replayable, and it waits as it was
        OperatorResult refused = operator().replay(dead.reference(),
                new OperatorAction("user:operator", "try it", false));
        assertThat(refused.outcome()).isEqualTo(Outcome.NOT_REPLAYABLE);
        assertThat(refused.explanation()).contains("no original address");
        assertThat(store().exchange(dead.reference()).orElseThrow().state()).isEqualTo(ExchangeState.FAILED);
        assertThat(gateway.audit().forExchange(dead.exchangeId())).extracting(AuditEvent::step)
                .containsExactly("DEAD_LETTER_TAKEN", "REPLAY_REQUESTED", "REPLAY_REFUSED");
    }

    @Test
    void aDeadLetterOfAnotherJmsTypeIsRecordedUnreadAndTheBrokerKeepsItOnTheUnkeptQueue() throws Exception {
        String marker = Examples.uniqueId("OBJECT");
        int reads = RecordsDeserialization.reads();
        String jmsId;
        try (BrokerClient client = gateway.gatewayClient()) {
            ObjectMessage letter = client.session().createObjectMessage(new RecordsDeserialization(marker));
            letter.setStringProperty("TestMarker", marker);
            jmsId = client.send("gw.dlq", letter);
        }
        StoredExchange dead = awaitRecorded(jmsId, "DEAD_LETTER_UNSUPPORTED_TYPE");
        assertThat(dead.explanation()).contains("ObjectMessage", "gw.dlq.unkept");
        assertThat(store().get(dead.reference()).orElseThrow().content()).isEmpty();
        assertThat(gateway.audit().forExchange(dead.exchangeId())).singleElement()
                .satisfies(event -> assertThat(event.reason()).isEqualTo("DEAD_LETTER_UNSUPPORTED_TYPE"));

        Message kept = gateway.receive("gw.dlq.unkept", "TestMarker = '" + marker + "'", WAIT);
        assertThat(kept).as("the message itself, on gw.dlq.unkept").isInstanceOf(ObjectMessage.class);
        assertThat(RecordsDeserialization.reads()).as("never deserialized").isEqualTo(reads);
    }

    @Test
    void aDeadLetterTooLargeToKeepIsRecordedMeasuredAndTheBrokerKeepsItWhole() throws Exception {
        String marker = Examples.uniqueId("LARGE");
        byte[] body = new byte[TOO_LARGE];
        java.util.Arrays.fill(body, (byte) 'x');
        String jmsId;
        try (BrokerClient client = gateway.gatewayClient()) {
            BytesMessage letter = client.bytes(body);
            letter.setStringProperty("TestMarker", marker);
            jmsId = client.send("gw.dlq", letter);
        }
        StoredExchange dead = awaitRecorded(jmsId, "DEAD_LETTER_TOO_LARGE");
        assertThat(dead.explanation()).contains(TOO_LARGE + " bytes", "SHA-256", "65536 bytes", "gw.dlq.unkept");
        assertThat(store().get(dead.reference()).orElseThrow().content()).isEmpty();

        Message kept = gateway.receive("gw.dlq.unkept", "TestMarker = '" + marker + "'", WAIT);
        assertThat(kept).as("the message itself, on gw.dlq.unkept").isNotNull();
        assertThat(RunningGateway.bodyBytes(kept)).isEqualTo(body);
    }

    @Test
    void aDeadLetterResentToTheInboundQueueCarriesNoReplayClaimOfWhoeverSentItFirst() throws Exception {
        PartnerEnvelopes hit = PartnerEnvelopes.europolHit();
        String jmsId;
        try (BrokerClient client = gateway.gatewayClient()) {
            // as the broker parks a message from gw.inbound, with a replay claim its sender wrote
            BytesMessage letter = client.bytes(hit.build());
            letter.setStringProperty("_AMQ_ORIG_ADDRESS", "gw.inbound");
            letter.setStringProperty(GatewayHeaders.REPLAY_OF, "00000000-0000-0000-0000-000000000001");
            jmsId = client.send("gw.dlq", letter);
        }
        StoredExchange dead = awaitRecorded(jmsId, "DEAD_LETTER");
        assertThat(DeadLetterContent.decode(store().openContent(dead.reference()).orElseThrow().bytes())
                .properties()).as("kept as it came").containsKey(GatewayHeaders.REPLAY_OF);

        OperatorResult replayed = operator().replay(dead.reference(),
                new OperatorAction("user:operator", "inbound consumer fixed", false));
        assertThat(replayed.outcome()).as(replayed.explanation()).isEqualTo(Outcome.REPLAYED);
        assertThat(gateway.receive("gw.agency.police-scotland.in", "GwMessageId = '" + hit.messageId() + "'",
                WAIT)).as("delivered").isNotNull();
        Matcher sent = Pattern.compile("as (ID:[^ ,;]+)")
                .matcher(replayed.explanation());
        assertThat(sent.find()).as(replayed.explanation()).isTrue();
        String resentId = sent.group(1).replaceAll("[.]$", "");
        AuditEvent received = gateway.audit().forExchange(InboundMessage.exchangeIdOf(resentId)).get(0);
        assertThat(received.step()).isEqualTo("INBOUND_RECEIVED");
        assertThat(received.explanation()).as("no claim arrived with it").isNull();
    }

    private StoredExchange awaitDeadLetter(String messageId, String reason) {
        ExchangeQuery query = ExchangeQuery.all().messageId(messageId).reasonCode(reason);
        await().atMost(Duration.ofMillis(WAIT)).until(() -> store().count(query) == 1);
        return store().find(query).exchanges().get(0);
    }

    /** A dead letter sent to gw.dlq directly: its reference is derived from its JMS message id. */
    private StoredExchange awaitRecorded(String jmsMessageId, String reason) {
        String reference = ExchangeReferences.deadLetter(jmsMessageId);
        await().atMost(Duration.ofMillis(WAIT)).until(() -> store().exchange(reference).isPresent());
        StoredExchange dead = store().exchange(reference).orElseThrow();
        assertThat(dead.reasonCode()).isEqualTo(reason);
        assertThat(dead.transportMessageId()).isEqualTo(jmsMessageId);
        return dead;
    }

    private static Object property(Message message, String name) {
        try {
            return message.getObjectProperty(name);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private ExchangeStore store() {
        return gateway.exchangeStore();
    }

    private List<AuditEvent> steps(String exchangeId, String step) {
        return gateway.audit().forExchange(exchangeId).stream().filter(event -> event.step().equals(step)).toList();
    }

    private StatusNotices.Notice notice(String transportId) throws Exception {
        Message status = gateway.receive("gw.agency." + PS + ".status", "GwTransportMessageId = '" + transportId
                + "' AND GwRecipient IS NULL", WAIT);
        assertThat(status).as("status notice").isNotNull();
        return StatusNotices.parse(RunningGateway.bodyBytes(status));
    }

    private ExchangeOperator operator() {
        return gateway.context().getRegistry().lookupByNameAndType("exchangeOperator", ExchangeOperator.class);
    }
}
