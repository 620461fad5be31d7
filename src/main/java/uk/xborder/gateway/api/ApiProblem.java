package uk.xborder.gateway.api;

import java.time.Duration;
import java.util.Optional;

/**
 * Why a request is answered with an error: the HTTP status, a stable upper-case code for programs and one sentence for
 * people. The sentence names the parameter at fault and never repeats what the caller sent, so it is safe to return,
 * to log and to record in the audit log. A refusal is recorded unless it was marked {@link #unrecorded()} (one more
 * of a kind already recorded in this window), and may carry a note for the record that the caller is not shown.
 */
public final class ApiProblem extends RuntimeException {

    private final int status;
    private final String code;
    private final Duration retryAfter;
    private final boolean recorded;
    private final String auditNote;

    private ApiProblem(int status, String code, String sentence) {
        this(status, code, sentence, null, true, null);
    }

    private ApiProblem(int status, String code, String sentence, Duration retryAfter, boolean recorded,
                       String auditNote) {
        // no stack trace: these are expected answers, not faults, and are never shown with one
        super(sentence, null, false, false);
        this.status = status;
        this.code = code;
        this.retryAfter = retryAfter;
        this.recorded = recorded;
        this.auditNote = auditNote;
    }

    /** 429: this user name or client address is locked out after failed logins; try again after the wait. */
    public static ApiProblem tooManyFailedLogins(Duration retryAfter) {
        return new ApiProblem(429, "TOO_MANY_FAILED_LOGINS", "Too many failed logins: try again after "
                + retryAfterSeconds(retryAfter) + " seconds.", retryAfter, true, null);
    }

    public static ApiProblem badRequest(String code, String sentence) {
        return new ApiProblem(400, code, sentence);
    }

    public static ApiProblem unauthenticated(String code, String sentence) {
        return new ApiProblem(401, code, sentence);
    }

    public static ApiProblem forbidden(String sentence) {
        return new ApiProblem(403, "FORBIDDEN", sentence);
    }

    public static ApiProblem notFound(String code, String sentence) {
        return new ApiProblem(404, code, sentence);
    }

    /** 409: the request is understood but the exchange's state (or the selection's size) stops it. */
    public static ApiProblem conflict(String code, String sentence) {
        return new ApiProblem(409, code, sentence);
    }

    /** Any status, for an answer whose status its cause decides (an operator's outcome). */
    static ApiProblem of(int status, String code, String sentence) {
        return new ApiProblem(status, code, sentence);
    }

    public static ApiProblem unsupportedMediaType(String sentence) {
        return new ApiProblem(415, "UNSUPPORTED_MEDIA_TYPE", sentence);
    }

    public static ApiProblem tooLarge(String sentence) {
        return new ApiProblem(413, "BODY_TOO_LARGE", sentence);
    }

    /** The consultation could not be recorded, so nothing was read. */
    public static ApiProblem auditUnavailable() {
        return new ApiProblem(503, "AUDIT_UNAVAILABLE",
                "The consultation could not be recorded in the audit log, so nothing was read; try again later.");
    }

    public static ApiProblem internal(String requestId) {
        return new ApiProblem(500, "INTERNAL_ERROR",
                "The request could not be completed; operators can trace it by request id " + requestId + ".");
    }

    /** The same problem, to be recorded, with a note for the record (none if null). */
    public ApiProblem recorded(String note) {
        return new ApiProblem(status, code, getMessage(), retryAfter, true, note);
    }

    /** The same problem, not to be recorded: one more of a kind already on record. */
    public ApiProblem unrecorded() {
        return new ApiProblem(status, code, getMessage(), retryAfter, false, null);
    }

    /** Whether a refusal is to go into the audit log. */
    public boolean isRecorded() {
        return recorded;
    }

    /** What the record says besides the answer's sentence; never shown to the caller. */
    public Optional<String> auditNote() {
        return Optional.ofNullable(auditNote);
    }

    /** The whole seconds to wait before trying again, for a Retry-After header; empty for other problems. */
    public Optional<Long> retryAfterSeconds() {
        return retryAfter == null ? Optional.empty() : Optional.of(retryAfterSeconds(retryAfter));
    }

    private static long retryAfterSeconds(Duration wait) {
        // rounded up, so that a client that waits as told is not refused again
        long seconds = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** A request turned away for who sent it or what it asked (4xx before anything was read), as opposed to a 404. */
    public boolean isRefusal() {
        return status == 400 || status == 401 || status == 403 || status == 413 || status == 415 || status == 429;
    }
}
