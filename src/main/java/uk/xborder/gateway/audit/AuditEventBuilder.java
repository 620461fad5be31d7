package uk.xborder.gateway.audit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import uk.xborder.gateway.pipeline.ReasonCode;

/**
 * Builds an {@link AuditEvent} field by name. The step fixes the operation; the outcome is SUCCESS unless
 * {@link #outcome} says otherwise; the event key is {@code <exchange>/<step>}, or {@code <exchange>/<step>/<qualifier>}
 * when the same step happens more than once in an exchange (once per recipient, a refusal after an admission).
 */
public final class AuditEventBuilder {

    private final Step step;
    private final String exchangeId;
    private String keyQualifier;
    private Instant time;
    private String messageId;
    private String correlationId;
    private List<String> caseReferences = List.of();
    private AuditOutcome outcome = AuditOutcome.SUCCESS;
    private ReasonCode reason;
    private String explanation;
    private String actor;
    private String sender;
    private List<String> recipients = List.of();
    private String marking;
    private String handling;
    private String legalBasis;
    private String justification;
    private String payloadDigest;

    AuditEventBuilder(Step step, String exchangeId) {
        this.step = Objects.requireNonNull(step, "step");
        this.exchangeId = Objects.requireNonNull(exchangeId, "exchangeId");
    }

    /** Tells this event apart from other events of the same step in the same exchange. */
    public AuditEventBuilder keyQualifier(String qualifier) {
        this.keyQualifier = qualifier;
        return this;
    }

    public AuditEventBuilder time(Instant when) {
        this.time = when;
        return this;
    }

    public AuditEventBuilder actor(String who) {
        this.actor = who;
        return this;
    }

    /** The sender's message id, its correlation (or in-reply-to) id and its case references. */
    public AuditEventBuilder message(String id, String correlation, List<String> cases) {
        this.messageId = id;
        this.correlationId = correlation;
        this.caseReferences = cases == null ? List.of() : cases;
        return this;
    }

    /** How the step ended, when not SUCCESS, with the reason code (if any) and a sentence without content. */
    public AuditEventBuilder outcome(AuditOutcome how, ReasonCode why, String sentence) {
        this.outcome = Objects.requireNonNull(how, "outcome");
        this.reason = why;
        this.explanation = sentence;
        return this;
    }

    /** A sentence about a successful step (e.g. the criteria of a reading). */
    public AuditEventBuilder explanation(String sentence) {
        this.explanation = sentence;
        return this;
    }

    public AuditEventBuilder parties(String sendingAgency, List<String> concerned) {
        this.sender = sendingAgency;
        this.recipients = concerned == null ? List.of() : concerned;
        return this;
    }

    /** The protective marking, handling code and stated legal basis of the message. */
    public AuditEventBuilder protection(String markingText, String handlingText, String basis) {
        this.marking = markingText;
        this.handling = handlingText;
        this.legalBasis = basis;
        return this;
    }

    /** The purpose stated in the message, or the justification a reader gave. */
    public AuditEventBuilder justification(String why) {
        this.justification = why;
        return this;
    }

    public AuditEventBuilder payloadDigest(String sha256Hex) {
        this.payloadDigest = sha256Hex;
        return this;
    }

    public AuditEvent build() {
        String key = exchangeId + "/" + step.name() + (keyQualifier == null ? "" : "/" + keyQualifier);
        return new AuditEvent(key, Objects.requireNonNull(time, "time"), exchangeId, messageId, correlationId,
                caseReferences, step.name(), step.operation().name(), outcome.name(),
                reason == null ? null : reason.name(), explanation, Objects.requireNonNull(actor, "actor"), sender,
                recipients, marking, handling, legalBasis, justification, payloadDigest);
    }
}
