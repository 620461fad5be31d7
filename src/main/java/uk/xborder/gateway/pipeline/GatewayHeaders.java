package uk.xborder.gateway.pipeline;

/**
 * Message headers the gateway sets on what it puts on queues. They are part of the operator contract: the rejected
 * and failed queues are read through them.
 */
public final class GatewayHeaders {

    public static final String EXCHANGE_ID = "GwExchangeId";
    /**
     * On what the holding queues (gw.rejected, gw.failed) get: the exchange store's reference of the exchange held,
     * under which its content is kept (sealed) to replay. A notice for several refused recipients names one
     * reference per recipient, comma-separated, in the order of {@link #REFUSED_RECIPIENTS}. The notice's body is
     * the same text: holding queues carry no content.
     */
    public static final String EXCHANGE_REFERENCE = "GwExchangeReference";
    public static final String MESSAGE_ID = "GwMessageId";
    public static final String AGENCY = "GwAgency";
    public static final String RECIPIENT = "GwRecipient";
    public static final String REASON_CODE = "GwReasonCode";
    public static final String EXPLANATION = "GwExplanation";
    public static final String TRANSPORT_MESSAGE_ID = "GwTransportMessageId";
    public static final String REFUSED_RECIPIENTS = "GwRefusedRecipients";
    public static final String FAILED_STEP = "GwFailedStep";
    /**
     * On status notices: the overall outcome (ACCEPTED, PARTIALLY_ACCEPTED, REJECTED, FAILED; on a second notice
     * about one partner, which {@link #RECIPIENT} names: ACKNOWLEDGED, REFUSED_BY_PARTNER or FAILED), for selectors.
     */
    public static final String OUTCOME = "GwOutcome";
    /** On inbound deliveries to an agency: the partner that sent the envelope. */
    public static final String SENDER = "GwSender";
    /** After the inbound route: the outcome of the receipt it issued (DELIVERED or REFUSED). */
    public static final String RECEIPT_OUTCOME = "GwReceiptOutcome";
    /**
     * The broker user who sent a message, set by the broker itself (Artemis: {@code _AMQ_VALIDATED_USER}, with
     * populate-validated-user on), over anything the sender put there. Read, never written, by the gateway.
     */
    public static final String BROKER_VALIDATED_USER = "JMSXUserID";
    /** Artemis duplicate detection: a second message with the same value is dropped by the broker. */
    public static final String ARTEMIS_DUPLICATE_ID = "_AMQ_DUPL_ID";
    /** Artemis scheduled delivery: the message is delivered no earlier than this time (epoch milliseconds). */
    public static final String ARTEMIS_SCHEDULED_DELIVERY = "_AMQ_SCHED_DELIVERY";

    // On a partner's retry queue (gw.retry.<partner>, the gateway's alone): what the next attempt needs besides the
    // sealed envelope and the identity headers above.
    /** Where the envelope goes: the partner's endpoint when it was first handed over. */
    public static final String ENDPOINT = "GwEndpoint";
    /** The number of the attempt the message is for (the first hand-over was attempt 1). */
    public static final String ATTEMPT = "GwAttempt";
    /** The duplicate-detection id every attempt sends the envelope with, so the partner takes it once. */
    public static final String DELIVERY_ID = "GwDeliveryId";
    /**
     * The operator's replay a delivery's attempts belong to (the exchange's version when it was replayed; absent for
     * the attempts before any replay), so that a replay's attempts and audit events are its own.
     */
    public static final String REPLAY = "GwReplay";

    // On an agency's queue, put there by the gateway's own broker user: an operator's replay of a refused message.
    /**
     * The exchange reference of the stored original this message replays. Honoured only from the gateway's own broker
     * user, for an exchange of that agency the exchange store holds as REPLAYED with the same content
     * (outbound.SenderVerification); from anyone else it is ignored.
     */
    public static final String REPLAY_OF = "GwReplayOf";

    private GatewayHeaders() {
    }
}
