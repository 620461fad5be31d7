package uk.xborder.gateway.api;

/**
 * Why a request is answered with an error: the HTTP status, a stable upper-case code for programs and one sentence for
 * people. The sentence names the parameter at fault and never repeats what the caller sent, so it is safe to return,
 * to log and to record in the audit log.
 */
public final class ApiProblem extends RuntimeException {

    private final int status;
    private final String code;

    private ApiProblem(int status, String code, String sentence) {
        // no stack trace: these are expected answers, not faults, and are never shown with one
        super(sentence, null, false, false);
        this.status = status;
        this.code = code;
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

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** A request turned away for who sent it or what it asked (4xx before anything was read), as opposed to a 404. */
    public boolean isRefusal() {
        return status == 400 || status == 401 || status == 403 || status == 413 || status == 415;
    }
}
