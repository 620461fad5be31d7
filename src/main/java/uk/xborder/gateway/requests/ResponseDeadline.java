package uk.xborder.gateway.requests;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The time limit for answering a request for information, from the moment the requested party received it, as set
 * by Directive (EU) 2023/977 Art. 5(1):
 * <ul>
 *   <li>(a) an urgent request for directly accessible information: 8 hours;</li>
 *   <li>(b) an urgent request for indirectly accessible information: 3 calendar days;</li>
 *   <li>(c) any other request: 7 calendar days.</li>
 * </ul>
 * Calendar days are counted in a time zone, so that a request received at 10:00 is due at 10:00 on the day named,
 * also across a change to or from summer time (a day is then 23 or 25 hours long); 8 hours are 8 elapsed hours.
 *
 * <p>A request whose accessibility is not stated is given the limit of indirectly accessible information: which
 * databases the requested party reaches directly is its own knowledge (Art. 2(5)), and the shorter limit applies
 * only when it is known to apply. Art. 5(2) allows the requested party to extend a limit in stated cases; the gateway
 * tracks the limit of Art. 5(1) and shows a request past it as overdue.
 */
public final class ResponseDeadline {

    /** The three time limits of Art. 5(1). */
    public enum TimeLimit {
        /** Art. 5(1)(a): urgent, directly accessible information. */
        URGENT_DIRECT("8 hours", "Art. 5(1)(a)"),
        /** Art. 5(1)(b): urgent, indirectly accessible information. */
        URGENT_INDIRECT("3 calendar days", "Art. 5(1)(b)"),
        /** Art. 5(1)(c): every other request. */
        STANDARD("7 calendar days", "Art. 5(1)(c)");

        private final String length;
        private final String article;

        TimeLimit(String length, String article) {
            this.length = length;
            this.article = article;
        }

        /** The limit in words, for example {@code 3 calendar days}. */
        public String length() {
            return length;
        }

        /** Where Directive (EU) 2023/977 sets it, for example {@code Art. 5(1)(b)}. */
        public String article() {
            return article;
        }
    }

    static final Duration URGENT_DIRECT_HOURS = Duration.ofHours(8);
    static final int URGENT_INDIRECT_DAYS = 3;
    static final int STANDARD_DAYS = 7;

    private ResponseDeadline() {
    }

    /**
     * @param accessibility where the information is held; null when the request does not say
     */
    public static TimeLimit limit(boolean urgent, Accessibility accessibility) {
        if (!urgent) {
            return TimeLimit.STANDARD;
        }
        return accessibility == Accessibility.DIRECT ? TimeLimit.URGENT_DIRECT : TimeLimit.URGENT_INDIRECT;
    }

    /**
     * When the reply is due.
     *
     * @param receivedAt    when the requested party received the request
     * @param accessibility where the information is held; null when the request does not say
     * @param zone          the zone calendar days are counted in
     */
    public static Instant dueAt(Instant receivedAt, boolean urgent, Accessibility accessibility, ZoneId zone) {
        return dueAt(receivedAt, limit(urgent, accessibility), zone);
    }

    public static Instant dueAt(Instant receivedAt, TimeLimit limit, ZoneId zone) {
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(zone, "zone");
        return switch (limit) {
            case URGENT_DIRECT -> receivedAt.plus(URGENT_DIRECT_HOURS);
            case URGENT_INDIRECT -> receivedAt.atZone(zone).plusDays(URGENT_INDIRECT_DAYS).toInstant();
            case STANDARD -> receivedAt.atZone(zone).plusDays(STANDARD_DAYS).toInstant();
        };
    }
}
