package uk.xborder.gateway.exchange;

import java.util.Objects;
import java.util.Optional;

/**
 * What a pipeline step records about one exchange: who and what it concerns, where it now stands, and, when it may
 * be replayed, its content (sealed by the store) and the attempt that ended it. Identity fields left out (null) keep
 * what is already recorded; state, reason code and explanation are always those given.
 */
public final class Recording {

    private final String reference;
    private final Direction direction;
    private final String exchangeId;
    private final ExchangeState state;
    private String agency;
    private String partner;
    private String recipient;
    private String messageId;
    private String transportMessageId;
    private String reasonCode;
    private String explanation;
    private ContentKind contentKind;
    private byte[] content;
    private DeliveryAttempt attempt;

    private Recording(String reference, Direction direction, String exchangeId, ExchangeState state) {
        this.reference = Objects.requireNonNull(reference, "reference");
        this.direction = Objects.requireNonNull(direction, "direction");
        this.exchangeId = Objects.requireNonNull(exchangeId, "exchangeId");
        this.state = Objects.requireNonNull(state, "state");
    }

    public static Recording of(String reference, Direction direction, String exchangeId, ExchangeState state) {
        return new Recording(reference, direction, exchangeId, state);
    }

    /** Our agency, the other party, and whom this exchange delivers to (null for a whole message). */
    public Recording parties(String ourAgency, String otherParty, String deliversTo) {
        this.agency = ourAgency;
        this.partner = otherParty;
        this.recipient = deliversTo;
        return this;
    }

    public Recording message(String id, String transportId) {
        this.messageId = id;
        this.transportMessageId = transportId;
        return this;
    }

    /** Why it is not delivered (a {@code pipeline.ReasonCode} by name) and a sentence without content. */
    public Recording reason(String code, String sentence) {
        this.reasonCode = code;
        this.explanation = sentence;
        return this;
    }

    /** What is needed to replay it, in clear: the store seals it before it is written. */
    public Recording content(ContentKind kind, byte[] bytes) {
        this.contentKind = Objects.requireNonNull(kind, "kind");
        this.content = bytes.clone();
        return this;
    }

    public Recording attempt(DeliveryAttempt made) {
        this.attempt = made;
        return this;
    }

    public String reference() {
        return reference;
    }

    public Direction direction() {
        return direction;
    }

    public String exchangeId() {
        return exchangeId;
    }

    public ExchangeState state() {
        return state;
    }

    public String agency() {
        return agency;
    }

    public String partner() {
        return partner;
    }

    public String recipient() {
        return recipient;
    }

    public String messageId() {
        return messageId;
    }

    public String transportMessageId() {
        return transportMessageId;
    }

    public String reasonCode() {
        return reasonCode;
    }

    public String explanation() {
        return explanation;
    }

    Optional<ContentKind> contentKind() {
        return Optional.ofNullable(contentKind);
    }

    byte[] content() {
        return content;
    }

    public Optional<DeliveryAttempt> attempt() {
        return Optional.ofNullable(attempt);
    }

    @Override
    public String toString() {
        return "Recording[" + reference + " " + direction + " " + state + (contentKind == null ? "" : ", " + contentKind)
                + "]";
    }
}
