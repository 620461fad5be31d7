package uk.xborder.gateway.api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import uk.xborder.gateway.requests.Direction;
import uk.xborder.gateway.requests.OpenRequest;
import uk.xborder.gateway.requests.OpenRequests;

/**
 * The read behind {@code GET /api/v1/requests}, reached only after the request was admitted and its consultation
 * recorded: one page of open or overdue requests for information, soonest due first, with the counts of both per
 * direction. Metadata only: who asked whom, for which message id, when it is due; never content.
 */
public final class RequestReader {

    private final OpenRequests requests;

    public RequestReader(OpenRequests requests) {
        this.requests = requests;
    }

    public RequestPage list(OpenRequests.Query query) {
        OpenRequests.Listing listing = requests.list(query);
        OpenRequests.Counts counts = requests.counts();
        return new RequestPage(query.state().name(), query.direction() == null ? null : query.direction().name(),
                query.agency(), counts.at(), listing.total(), listing.offset(), listing.limit(),
                byDirection(counts, false), byDirection(counts, true),
                listing.requests().stream().map(r -> RequestView.of(r, counts.at())).toList());
    }

    private static Map<String, Long> byDirection(OpenRequests.Counts counts, boolean overdue) {
        Map<String, Long> view = new LinkedHashMap<>();
        for (Direction direction : Direction.values()) {
            view.put(direction.name(), overdue ? counts.overdue(direction) : counts.open(direction));
        }
        return view;
    }

    /**
     * The answer: what was asked for, when overdue was judged ({@code at}), the page, the counts of open and of
     * overdue requests per direction (whatever the page's criteria), and the requests on the page.
     */
    public record RequestPage(String state, String direction, String agency, Instant at, long total, int offset,
                              int limit, Map<String, Long> open, Map<String, Long> overdue,
                              List<RequestView> requests) {
    }

    /** One request for information awaiting its reply. */
    public record RequestView(String direction, String messageId, String requester, String requestedParty,
                              String agency, String exchangeId, Instant receivedAt, Instant dueAt, boolean urgent,
                              String timeLimit, boolean overdue) {

        static RequestView of(OpenRequest request, Instant now) {
            return new RequestView(request.direction().name(), request.messageId(), request.requester(),
                    request.requestedParty(), request.agency(), request.exchangeId(), request.receivedAt(),
                    request.dueAt(), request.urgent(), request.timeLimit().name(), request.isOverdue(now));
        }
    }
}
