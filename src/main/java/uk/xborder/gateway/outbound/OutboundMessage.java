package uk.xborder.gateway.outbound;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import uk.xborder.gateway.directory.Agency;
import uk.xborder.gateway.exchange.StoredExchange;
import uk.xborder.gateway.broker.ReceivedBody;
import uk.xborder.gateway.message.MessageFacts;
import uk.xborder.gateway.pipeline.ReasonCode;
import uk.xborder.gateway.schema.canonical.IntelligenceMessage;

/**
 * The state of one outbound exchange as it moves through the pipeline: the original as received, what was learnt
 * about it, and the outcome for each recipient. Kept as an exchange property so that every step, including the error
 * handlers and the per-recipient sub-exchanges, sees the same record ({@link uk.xborder.gateway.pipeline.ExchangeProperties#OUTBOUND}).
 */
public final class OutboundMessage {


    private final String exchangeId;
    private final String processingId = UUID.randomUUID().toString();
    private final Agency agency;
    private final String transportMessageId;
    private final ReceivedBody received;
    private final Instant receivedAt;
    private final Map<String, RecipientResult> results = new LinkedHashMap<>();
    private final Map<String, Integer> attempts = new HashMap<>();
    private final List<String> allowedRecipients = new ArrayList<>();
    private IntelligenceMessage canonical;
    private MessageFacts facts;
    private Verdict verdict;
    private String claimedMessageId;
    private StoredExchange replayOf;

    /**
     * The outcome for the message as a whole, when it did not get as far as its recipients.
     *
     * @param failed true when the gateway is at fault (held on gw.failed); false when the input was refused
     */
    public record Verdict(boolean failed, ReasonCode reason, String explanation) {
    }

    OutboundMessage(Agency agency, String transportMessageId, ReceivedBody received, Instant receivedAt) {
        this.agency = agency;
        this.transportMessageId = transportMessageId;
        this.received = received;
        this.receivedAt = receivedAt;
        this.exchangeId = exchangeIdOf(agency.id(), transportMessageId);
    }

    /**
     * The exchange id of an agency's message, derived from its JMS message id, so that a redelivery of the same JMS
     * message keeps its exchange id and its audit events collapse instead of multiplying (and a dead letter of it
     * joins the same trail).
     */
    public static String exchangeIdOf(String agencyId, String transportMessageId) {
        return UUID.nameUUIDFromBytes((agencyId + "|" + transportMessageId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    public String exchangeId() {
        return exchangeId;
    }

    /**
     * Tells this processing of the message apart from another of the same JMS message (a redelivery after a
     * rollback), whose delivery attempts are attempts of their own.
     */
    public String processingId() {
        return processingId;
    }

    public Agency agency() {
        return agency;
    }

    public String transportMessageId() {
        return transportMessageId;
    }

    /** The body as received, measured and (within the limit) read. */
    public ReceivedBody received() {
        return received;
    }

    /**
     * The bytes exactly as the agency sent them (a text message's as UTF-8), kept in the exchange store to replay;
     * none for a message that was not read (too large, or of a JMS type other than text or bytes), which cannot be.
     */
    public Optional<byte[]> originalBytes() {
        return received.replayable();
    }

    /** SHA-256 (hex) of the body as received. */
    public String originalDigest() {
        return received.digest();
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public Optional<MessageFacts> facts() {
        return Optional.ofNullable(facts);
    }

    /** The message id: as translated, or as read from a message that failed validation (best effort). */
    public Optional<String> messageId() {
        return facts().map(MessageFacts::messageId).or(() -> Optional.ofNullable(claimedMessageId));
    }

    /** Records the id a message claims before it is validated, so that a rejection can still name it. */
    void claimedMessageId(String id) {
        this.claimedMessageId = id;
    }

    public IntelligenceMessage canonical() {
        if (canonical == null) {
            throw new IllegalStateException("the message has not been translated to the canonical model yet");
        }
        return canonical;
    }

    void canonical(IntelligenceMessage message, MessageFacts extracted) {
        this.canonical = message;
        this.facts = extracted;
    }

    /**
     * The stored exchange this message replays, when an operator's replay of it was proven
     * ({@link ReplayClaims}); empty for every message an agency sent.
     */
    public Optional<StoredExchange> replayOf() {
        return Optional.ofNullable(replayOf);
    }

    void replayOf(StoredExchange replayed) {
        this.replayOf = replayed;
    }

    /**
     * The one recipient a replay of a refusal concerns (the message's other recipients had it already), if this is
     * one; a replay of a whole message goes to all its recipients.
     */
    public Optional<String> replayedFor() {
        return replayOf().map(StoredExchange::recipient);
    }

    /** Counts the attempts for one recipient in this processing: 1 for the first. */
    synchronized int nextAttempt(String partyId) {
        return attempts.merge(partyId, 1, Integer::sum);
    }

    synchronized void allow(String partyId) {
        allowedRecipients.add(partyId);
    }

    /** Recipients that passed authorisation, in the order the sender listed them. */
    public synchronized List<String> allowedRecipients() {
        return List.copyOf(allowedRecipients);
    }

    synchronized void result(RecipientResult result) {
        results.put(result.partyId(), result);
    }

    public synchronized List<RecipientResult> results() {
        return List.copyOf(results.values());
    }

    synchronized void verdict(Verdict whole) {
        this.verdict = whole;
    }

    /** Present when the whole message was rejected or held, rather than dealt with recipient by recipient. */
    public synchronized Optional<Verdict> verdict() {
        return Optional.ofNullable(verdict);
    }

    /** True when at least one recipient was refused, so the original is kept on the rejected queue. */
    public synchronized boolean hasRefusals() {
        return results.values().stream().anyMatch(r -> r.outcome() == RecipientOutcome.REJECTED);
    }
}
