package uk.xborder.gateway.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Failed attempts counted per key (a user name, a client address) over a window; the attempt that reaches the limit
 * locks the key out for a while. Holds at most {@code capacity} keys, so that a caller who makes up names or
 * addresses cannot fill the heap: keys whose window and lockout are over go first, then the least recently seen.
 */
final class Lockouts {

    private final int maxFailures;
    private final Duration window;
    private final Duration lockout;
    private final int capacity;
    /** In access order: the first key is the least recently seen. */
    private final LinkedHashMap<String, State> states = new LinkedHashMap<>(64, 0.75f, true);

    Lockouts(int maxFailures, Duration window, Duration lockout, int capacity) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.lockout = lockout;
        this.capacity = capacity;
    }

    /** How long the key is still locked out for; zero when it is not. */
    synchronized Duration lockedFor(String key, Instant now) {
        State state = states.get(key);
        if (state == null || state.lockedUntil == null || !now.isBefore(state.lockedUntil)) {
            return Duration.ZERO;
        }
        return Duration.between(now, state.lockedUntil);
    }

    /** Counts a failure; true when this one reached the limit and locked the key out. */
    synchronized boolean failed(String key, Instant now) {
        State state = states.get(key);
        if (state == null) {
            makeRoom(now);
            state = new State();
            states.put(key, state);
        }
        if (state.lockedUntil != null && now.isBefore(state.lockedUntil)) {
            return false;
        }
        state.lockedUntil = null;
        if (state.windowStart == null || !now.isBefore(state.windowStart.plus(window))) {
            state.windowStart = now;
            state.failures = 0;
        }
        state.failures++;
        if (state.failures >= maxFailures) {
            state.lockedUntil = now.plus(lockout);
            state.windowStart = null;
            state.failures = 0;
            return true;
        }
        return false;
    }

    /** Forgets the key's failures (a success); a lockout in force stays. */
    synchronized void forgive(String key, Instant now) {
        State state = states.get(key);
        if (state != null && (state.lockedUntil == null || !now.isBefore(state.lockedUntil))) {
            states.remove(key);
        }
    }

    synchronized int size() {
        return states.size();
    }

    private void makeRoom(Instant now) {
        if (states.size() < capacity) {
            return;
        }
        states.values().removeIf(state -> state.isOver(now, window));
        for (Iterator<Map.Entry<String, State>> eldest = states.entrySet().iterator();
                states.size() >= capacity && eldest.hasNext(); ) {
            eldest.next();
            eldest.remove();
        }
    }

    private static final class State {
        Instant windowStart;
        int failures;
        Instant lockedUntil;

        boolean isOver(Instant now, Duration window) {
            boolean locked = lockedUntil != null && now.isBefore(lockedUntil);
            boolean counting = windowStart != null && now.isBefore(windowStart.plus(window));
            return !locked && !counting;
        }
    }
}
