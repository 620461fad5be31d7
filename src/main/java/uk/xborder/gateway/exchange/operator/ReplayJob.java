package uk.xborder.gateway.exchange.operator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One bulk replay, exchange by exchange: how far it is ({@link #done} of {@link #total}) and what became of each
 * exchange so far. Safe to read while it runs.
 */
public final class ReplayJob {

    /** Where a bulk replay stands, as read at one moment. */
    public record Progress(String id, String actor, String reason, boolean force, Instant startedAt,
                           Instant finishedAt, int total, int done, boolean finished, Map<Outcome, Integer> outcomes,
                           List<OperatorResult> results) {
    }

    private final String id;
    private final OperatorAction action;
    private final Instant startedAt;
    private final int total;
    private final List<OperatorResult> results = new ArrayList<>();
    private Instant finishedAt;

    ReplayJob(String id, OperatorAction action, Instant startedAt, int total) {
        this.id = id;
        this.action = action;
        this.startedAt = startedAt;
        this.total = total;
    }

    public String id() {
        return id;
    }

    synchronized void add(OperatorResult result) {
        results.add(result);
    }

    synchronized void finish(Instant at) {
        finishedAt = at;
    }

    public synchronized Progress progress() {
        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        results.forEach(result -> outcomes.merge(result.outcome(), 1, Integer::sum));
        return new Progress(id, action.actor(), action.reason(), action.force(), startedAt, finishedAt, total,
                results.size(), finishedAt != null, outcomes, List.copyOf(results));
    }
}
