package uk.xborder.gateway.api;

import java.util.UUID;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The error handling of every API route: answers with the problem's status and a JSON sentence, never a stack trace or
 * an exception's name, and has refusals (400, 401, 403, 413, 415, 429) recorded in the audit log, those of callers
 * who did not prove who they are once per kind, client and window ({@link Authentication}). An unexpected fault is
 * logged for operators under the request id and answered with a generic 500.
 */
public final class ApiErrors {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    private final Consultations consultations;
    private final ApiResponses responses;

    public ApiErrors(Consultations consultations, ApiResponses responses) {
        this.consultations = consultations;
        this.responses = responses;
    }

    public void respond(Exchange exchange) {
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        ApiRequest request = ApiRequest.of(exchange).orElse(null);
        ApiProblem problem = problemIn(caught);
        if (problem == null) {
            String id = request != null ? request.id() : "api-" + UUID.randomUUID();
            // the exception's own text may hold criteria values (metadata, never message content); no credentials
            // or justification text ever reach an exception
            LOG.error("API request {} ({}) failed", id, request == null ? "not admitted" : request.step(), caught);
            problem = ApiProblem.internal(id);
        } else if (problem.isRefusal() && problem.isRecorded() && request != null) {
            consultations.recordRefusal(request, problem);
        }
        responses.problem(exchange, problem);
    }

    private static ApiProblem problemIn(Throwable caught) {
        for (Throwable t = caught; t != null; t = t.getCause()) {
            if (t instanceof ApiProblem problem) {
                return problem;
            }
        }
        return null;
    }
}
