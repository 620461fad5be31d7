package uk.xborder.gateway.inbound;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import uk.xborder.gateway.broker.ReceivedBody;
import uk.xborder.gateway.directory.Agency;
import uk.xborder.gateway.directory.Partner;
import uk.xborder.gateway.envelope.ClaimedHeader;
import uk.xborder.gateway.envelope.EnvelopeHeader;
import uk.xborder.gateway.envelope.ReceivedEnvelope;
import uk.xborder.gateway.exchange.StoredExchange;
import uk.xborder.gateway.ledger.InboundReceipts;
import uk.xborder.gateway.message.MessageFacts;
import uk.xborder.gateway.schema.canonical.IntelligenceMessage;

/**
 * The state of one inbound exchange as it moves through the pipeline: the envelope as received, what was learnt
 * about it step by step, and how it ended. Kept as an exchange property
 * ({@link uk.xborder.gateway.pipeline.ExchangeProperties#INBOUND}) so that every step and error handler sees it.
 */
public final class InboundMessage {

    private final String exchangeId;
    private final String processingId = InboundExchanges.newProcessingId();
    private final String transportMessageId;
    private final boolean byJms;
    private final Optional<X509Certificate> clientCertificate;
    private final ReceivedBody received;
    private Instant receivedAt;
    private ClaimedHeader claimed = ClaimedHeader.none();
    private EnvelopeHeader header;
    private Partner partner;
    private Agency agency;
    private byte[] content;
    private IntelligenceMessage canonical;
    private MessageFacts facts;
    private InboundReceipts.Recorded repeatOf;
    private StoredExchange replayOf;
    private boolean deliveredToAgency;
    private boolean receiptRecorded;

    InboundMessage(String transportMessageId, boolean byJms, X509Certificate clientCertificateOrNull,
                   ReceivedBody received, Instant receivedAt) {
        this.transportMessageId = transportMessageId;
        this.byJms = byJms;
        this.clientCertificate = Optional.ofNullable(clientCertificateOrNull);
        this.received = received;
        this.receivedAt = receivedAt;
        // Derived from the transport id, so a redelivery of the same JMS message keeps its exchange id and its
        // audit events collapse instead of multiplying.
        this.exchangeId = exchangeIdOf(transportMessageId);
    }

    /** The exchange id of the envelope that arrived in this transport message. */
    public static String exchangeIdOf(String transportMessageId) {
        return UUID.nameUUIDFromBytes(("inbound|" + transportMessageId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    public String exchangeId() {
        return exchangeId;
    }

    public String transportMessageId() {
        return transportMessageId;
    }

    /** True when the envelope came through the JMS inbound route, so its receipt goes back by JMS. */
    public boolean byJms() {
        return byJms;
    }

    /** The certificate the HTTPS client authenticated with, when it came over HTTPS. */
    public Optional<X509Certificate> clientCertificate() {
        return clientCertificate;
    }

    /**
     * Tells this processing of the envelope apart from another of the same JMS message (a redelivery after a
     * rollback), whose delivery attempts are attempts of their own.
     */
    public String processingId() {
        return processingId;
    }

    /** The envelope as received, measured and (within the limit) read. */
    public ReceivedBody received() {
        return received;
    }

    /**
     * The envelope exactly as received (a text message's as UTF-8), kept in the exchange store to replay; none for
     * one that was not read (too large, or of a JMS type other than text or bytes), which cannot be.
     */
    public Optional<byte[]> originalBytes() {
        return received.replayable();
    }

    /** SHA-256 (hex) of the envelope as received. */
    public String originalDigest() {
        return received.digest();
    }

    /** When the envelope first arrived: now, or for a redelivery what the receipt record says. */
    public Instant receivedAt() {
        return receivedAt;
    }

    void firstReceivedAt(Instant first) {
        this.receivedAt = first;
    }

    /** What the header claims: in full once unwrapped, best-effort for an envelope that could not be read. */
    public ClaimedHeader claimed() {
        return claimed;
    }

    void claimed(ClaimedHeader claims) {
        this.claimed = claims;
    }

    void envelope(ReceivedEnvelope envelope) {
        this.header = envelope.header();
        this.claimed = ClaimedHeader.of(envelope.header(), envelope.payload());
    }

    /** The clear header, once the envelope was read. */
    public EnvelopeHeader header() {
        if (header == null) {
            throw new IllegalStateException("the envelope has not been unwrapped yet");
        }
        return header;
    }

    public Optional<String> messageId() {
        return claimed.messageId();
    }

    /** The sending partner, once known from the directory. */
    public Optional<Partner> partner() {
        return Optional.ofNullable(partner);
    }

    void partner(Partner from) {
        this.partner = from;
    }

    /** The agency the envelope is addressed to, once known from the directory. */
    public Optional<Agency> agency() {
        return Optional.ofNullable(agency);
    }

    void agency(Agency addressee) {
        this.agency = addressee;
    }

    /** The signed content, once decrypted and verified. */
    public byte[] content() {
        if (content == null) {
            throw new IllegalStateException("the payload has not been verified yet");
        }
        return content;
    }

    void content(byte[] verified) {
        this.content = verified;
    }

    public IntelligenceMessage canonical() {
        if (canonical == null) {
            throw new IllegalStateException("the message has not been translated to the canonical model yet");
        }
        return canonical;
    }

    public Optional<MessageFacts> facts() {
        return Optional.ofNullable(facts);
    }

    void canonical(IntelligenceMessage message, MessageFacts extracted) {
        this.canonical = message;
        this.facts = extracted;
    }

    /** True when this envelope repeats one already delivered and answered (another transport message). */
    public boolean repeat() {
        return repeatOf != null;
    }

    /** The receipt already issued, for a repeat. */
    public Optional<InboundReceipts.Recorded> repeatOf() {
        return Optional.ofNullable(repeatOf);
    }

    void repeatOf(InboundReceipts.Recorded recorded) {
        this.repeatOf = recorded;
    }

    /**
     * The stored exchange this envelope replays, when an operator's replay of it was proven
     * ({@link InboundReplayClaims}); empty for every envelope a partner sent.
     */
    public Optional<StoredExchange> replayOf() {
        return Optional.ofNullable(replayOf);
    }

    void replayOf(StoredExchange replayed) {
        this.replayOf = replayed;
        // measured, and answered, from its first arrival: it waited for the operator, not on the wire
        this.receivedAt = replayed.createdAt();
    }

    /** True once the agency's queue has been handed the message in this processing (it commits with the route). */
    public boolean isDeliveredToAgency() {
        return deliveredToAgency;
    }

    void deliveredToAgency() {
        this.deliveredToAgency = true;
    }

    void receiptRecorded() {
        this.receiptRecorded = true;
    }

    /**
     * True when the agency's queue has been handed the message in this processing but its DELIVERED receipt is not on
     * record: a fault now must roll the copy back rather than hold the envelope and commit it, or the partner's
     * resend (and any replay) would be taken as new and its copy, a broker duplicate, could never commit.
     */
    public boolean agencyCopyWithoutReceipt() {
        return deliveredToAgency && !receiptRecorded;
    }
}
