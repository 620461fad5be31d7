package uk.xborder.gateway.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.Exchange;

import uk.xborder.gateway.exchange.Attempt;
import uk.xborder.gateway.exchange.ContentInfo;
import uk.xborder.gateway.exchange.ExchangeDetail;
import uk.xborder.gateway.exchange.ExchangePage;
import uk.xborder.gateway.exchange.ExchangeQuery;
import uk.xborder.gateway.exchange.ExchangeStore;
import uk.xborder.gateway.exchange.OpenedContent;
import uk.xborder.gateway.exchange.StoredExchange;
import uk.xborder.gateway.exchange.operator.BulkConfirmation;
import uk.xborder.gateway.exchange.operator.BulkReplays;
import uk.xborder.gateway.exchange.operator.ExchangeOperator;
import uk.xborder.gateway.exchange.operator.OperatorResult;
import uk.xborder.gateway.exchange.operator.Outcome;
import uk.xborder.gateway.exchange.operator.ReplayJob;
import uk.xborder.gateway.exchange.operator.Selection;

/**
 * The reads and actions behind {@code /api/v1/exchanges}, reached only after the request was admitted, its
 * parameters read and its consultation recorded: list, show, open the content of, replay and discard exchanges of
 * the exchange store, and follow a bulk replay. A refusal of one exchange is answered with its outcome's status
 * (404, 409, 503) and code; the exchange's own trail has recorded it already.
 */
public final class ExchangeEndpoints {

    private final ExchangeStore store;
    private final ExchangeOperator operator;
    private final BulkReplays bulk;
    private final BulkConfirmation confirmation;
    private final Clock clock;

    public ExchangeEndpoints(ExchangeStore store, ExchangeOperator operator, BulkReplays bulk,
                             BulkConfirmation confirmation, Clock clock) {
        this.store = store;
        this.operator = operator;
        this.bulk = bulk;
        this.confirmation = confirmation;
        this.clock = clock;
    }

    public ExchangeList list(ExchangeQuery query) {
        ExchangePage page = store.find(query);
        Instant now = clock.instant();
        return new ExchangeList(now, page.total(), page.offset(), page.limit(),
                page.exchanges().stream().map(e -> ExchangeView.of(e, now)).toList());
    }

    public ExchangeShown show(String reference) {
        ExchangeDetail detail = store.get(reference).orElseThrow(() -> unknown());
        return new ExchangeShown(ExchangeView.of(detail.exchange(), clock.instant()), detail.attempts(),
                detail.content().map(ContentView::of).orElse(null));
    }

    public ContentShown content(String reference) {
        ExchangeDetail detail = store.get(reference).orElseThrow(() -> unknown());
        if (detail.content().isEmpty()) {
            throw ApiProblem.notFound("NO_CONTENT", "Nothing was kept of this exchange's content.");
        }
        if (detail.content().get().erased()) {
            throw ApiProblem.conflict("CONTENT_ERASED", "Retention erased this exchange's content.");
        }
        OpenedContent opened = store.openContent(reference).orElseThrow(() ->
                ApiProblem.conflict("CONTENT_ERASED", "Retention erased this exchange's content."));
        return new ContentShown(reference, opened.kind().name(), opened.keyId(),
                Base64.getEncoder().encodeToString(opened.bytes()));
    }

    public OperatorResult replay(ExchangeOrders.One order) {
        return answered(operator.replay(order.reference(), order.action()));
    }

    public OperatorResult discard(ExchangeOrders.One order) {
        return answered(operator.discard(order.reference(), order.action()));
    }

    /** A bulk replay: 202 with the job to follow, or 200 when nothing matched (nothing is done). */
    public Object replayMany(Exchange exchange) {
        ExchangeOrders.Many order = exchange.getMessage().getBody(ExchangeOrders.Many.class);
        Selection selection = select(order, "replayed");
        if (selection.size() == 0) {
            return new Nothing(0, "No exchange matches; nothing was replayed.");
        }
        ReplayJob job = bulk.start(selection, order.action());
        exchange.setProperty(ApiResponses.STATUS, 202);
        return job.progress();
    }

    /** A bulk discard, done while the request waits (a discard is one compare-and-set): every exchange's result. */
    public Object discardMany(ExchangeOrders.Many order) {
        Selection selection = select(order, "discarded");
        if (selection.size() == 0) {
            return new Nothing(0, "No exchange matches; nothing was discarded.");
        }
        List<OperatorResult> results = selection.references().stream()
                .map(reference -> operator.discard(reference, order.action())).toList();
        return new Discards(selection.size(), results.stream().filter(r -> r.outcome().done()).count(), results);
    }

    public ReplayJob.Progress progress(String id) {
        return bulk.job(id).map(ReplayJob::progress).orElseThrow(() -> ApiProblem.notFound("UNKNOWN_JOB",
                "No replay job of this node has this id (jobs are kept in memory, the last 100)."));
    }

    private Selection select(ExchangeOrders.Many order, String what) {
        Selection selection = order.references() != null ? Selection.of(order.references())
                : Selection.matching(store, order.filter());
        Optional<BulkConfirmation.Refusal> refusal = confirmation.check(selection.size(), order.expectedCount(),
                what);
        if (refusal.isPresent()) {
            throw ApiProblem.conflict(refusal.get().code(), refusal.get().sentence());
        }
        return selection;
    }

    private static OperatorResult answered(OperatorResult result) {
        if (!result.outcome().done()) {
            throw ApiProblem.of(result.outcome().httpStatus(), result.outcome().name(), result.explanation());
        }
        return result;
    }

    private static ApiProblem unknown() {
        return ApiProblem.notFound(Outcome.UNKNOWN_EXCHANGE.name(), "No exchange has this reference.");
    }

    /** A page of exchanges, newest change first, at the time ages were measured. */
    public record ExchangeList(Instant at, long total, int offset, int limit, List<ExchangeView> exchanges) {
    }

    /**
     * One exchange as operators see it (no content).
     *
     * @param failedFor since when it has been failing (ISO-8601 duration), null when it is not FAILED
     */
    public record ExchangeView(String reference, String direction, String exchangeId, String agency, String partner,
                               String recipient, String messageId, String state, String reasonCode,
                               String explanation, Instant createdAt, Instant updatedAt, Instant failedSince,
                               String failedFor, int attempts, int version, String node) {

        static ExchangeView of(StoredExchange e, Instant now) {
            String age = e.failedSince() == null ? null
                    : Duration.between(e.failedSince(), now).withNanos(0).toString();
            return new ExchangeView(e.reference(), e.direction().name(), e.exchangeId(), e.agency(), e.partner(),
                    e.recipient(), e.messageId(), e.state().name(), e.reasonCode(), e.explanation(), e.createdAt(),
                    e.updatedAt(), e.failedSince(), age, e.attempts(), e.version(), e.node());
        }
    }

    /** One exchange with its attempts, oldest first, and what is kept of it. */
    public record ExchangeShown(ExchangeView exchange, List<Attempt> attempts, ContentView content) {
    }

    /** What is kept to replay it, described without opening it. */
    public record ContentView(String kind, String keyId, Instant storedAt, Instant erasedAt) {

        static ContentView of(ContentInfo info) {
            return new ContentView(info.kind().name(), info.keyId(), info.storedAt(), info.erasedAt().orElse(null));
        }
    }

    /** The content, opened: base64 of the bytes exactly as kept. */
    public record ContentShown(String reference, String kind, String keyId, String base64) {
    }

    public record Nothing(int matched, String message) {
    }

    public record Discards(int total, long discarded, List<OperatorResult> results) {
    }

}
