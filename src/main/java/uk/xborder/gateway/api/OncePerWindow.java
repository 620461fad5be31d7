package uk.xborder.gateway.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Lets the first of a kind of event through per key and window, and counts the others: a caller who repeats a refused
 * request a thousand times puts one entry in the audit log per window, not a thousand, and the next entry says how
 * many went unrecorded. Holds at most {@code capacity} keys, the least recently seen going first.
 */
final class OncePerWindow {

    /** This event is to be recorded; {@code unrecordedBefore} like it since the last one recorded were not. */
    record Pass(long unrecordedBefore, Instant since) {
    }

    private final Duration window;
    private final Clock clock;
    private final int capacity;
    private final LinkedHashMap<String, State> states;

    OncePerWindow(Duration window, Clock clock, int capacity) {
        this.window = window;
        this.clock = clock;
        this.capacity = capacity;
        this.states = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, State> eldest) {
                return size() > OncePerWindow.this.capacity;
            }
        };
    }

    /** The pass when this event is the first of its key in the window; empty when it is one more of them. */
    synchronized Optional<Pass> first(String key) {
        Instant now = clock.instant();
        State state = states.get(key);
        if (state != null && now.isBefore(state.windowStart.plus(window))) {
            state.unrecorded++;
            return Optional.empty();
        }
        Pass pass = state == null ? new Pass(0, null) : new Pass(state.unrecorded, state.windowStart);
        State fresh = new State();
        fresh.windowStart = now;
        states.put(key, fresh);
        return Optional.of(pass);
    }

    private static final class State {
        Instant windowStart;
        long unrecorded;
    }
}
