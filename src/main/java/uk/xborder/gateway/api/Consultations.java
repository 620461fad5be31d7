package uk.xborder.gateway.api;

import java.time.Clock;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.xborder.gateway.audit.AuditEvent;
import uk.xborder.gateway.audit.AuditEventBuilder;
import uk.xborder.gateway.audit.AuditOutcome;
import uk.xborder.gateway.audit.AuditTrail;

/**
 * Records who consulted the audit log, when, why and with what criteria (invariant 6; DPA 2018 s.62), as a
 * {@code CONSULTATION} event in the log itself. An admitted request is recorded before anything is read, and if it
 * cannot be recorded nothing is read. A refused request is recorded as {@code REJECTED}; what an unauthenticated
 * caller sent is kept only in a short, sanitized form.
 *
 * <p>Each request is its own exchange in the log ({@code api-<uuid>}, returned to the caller as X-Request-Id), with the
 * event key {@code api-<uuid>/<step>}, and {@code api-<uuid>/<step>/REJECTED} for its refusal: a request refused
 * after it was admitted (an export too large to bundle) has both, and the log, idempotent by key, must keep both.
 */
public final class Consultations {

    private static final Logger LOG = LoggerFactory.getLogger(Consultations.class);
    private static final String UNAUTHENTICATED = "unauthenticated";

    private final AuditTrail log;
    private final Clock clock;

    public Consultations(AuditTrail log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    /** Records an admitted request; throws {@link ApiProblem#auditUnavailable()} if the log cannot take it. */
    public void record(Exchange exchange) {
        ApiRequest request = ApiRequest.require(exchange);
        ApiUser user = request.user().orElseThrow(() -> new IllegalStateException("request not authenticated"));
        AuditEvent event = event(request, AuditOutcome.SUCCESS, user.actor(),
                "criteria: " + request.criteria(), request.justification().orElseThrow());
        try {
            log.record(event);
        } catch (RuntimeException e) {
            LOG.error("Consultation {} by {} could not be recorded; nothing was read", request.id(), user, e);
            throw ApiProblem.auditUnavailable();
        }
    }

    /**
     * Records a refused request. Never throws: the refusal is answered even when the log is unavailable, since it
     * discloses nothing; the failure is logged for operators.
     */
    void recordRefusal(ApiRequest request, ApiProblem problem) {
        boolean authenticated = request.user().isPresent();
        String actor = request.user().map(ApiUser::actor).orElse(UNAUTHENTICATED);
        StringBuilder explanation = new StringBuilder("refused ").append(problem.status()).append(' ')
                .append(problem.code()).append(": ").append(problem.getMessage());
        if (!authenticated) {
            request.claimedUser().ifPresent(name -> explanation.append(" Claimed user: ").append(name).append('.'));
        }
        explanation.append(" Criteria: ").append(request.criteria()).append('.');
        problem.auditNote().ifPresent(note -> explanation.append(' ').append(note));
        // An authenticated user's valid justification is kept as given; anything else only in sanitized form.
        String justification = authenticated && request.justification().isPresent()
                ? request.justification().get()
                : Justification.ofRefused(request.offeredJustification().orElse(null));
        try {
            log.record(event(request, AuditOutcome.REJECTED, actor, explanation.toString(), justification));
        } catch (RuntimeException e) {
            LOG.error("Refusal of API request {} ({} {}) could not be recorded", request.id(), problem.status(),
                    problem.code(), e);
        }
    }

    private AuditEvent event(ApiRequest request, AuditOutcome outcome, String actor, String explanation,
                             String justification) {
        AuditEventBuilder event = AuditEvent.of(request.step(), request.id()).time(clock.instant()).actor(actor)
                .justification(justification);
        if (outcome == AuditOutcome.SUCCESS) {
            return event.explanation(explanation).build();
        }
        // A request refused after it was admitted has both events: the refusal's key must differ.
        return event.keyQualifier(outcome.name()).outcome(outcome, null, explanation).build();
    }
}
