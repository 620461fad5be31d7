package uk.xborder.gateway.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import uk.xborder.gateway.requests.ResponseDeadline.TimeLimit;

/**
 * The three time limits of Directive (EU) 2023/977 Art. 5(1), counted from receipt: 8 elapsed hours, or calendar
 * days in the gateway's zone, so that a request received at 10:00 is due at 10:00 on the day, in summer time or not.
 * In 2026 the United Kingdom goes to summer time on 29 March (01:00 GMT) and back on 25 October (01:00 GMT).
 */
class ResponseDeadlineTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Test
    void urgentAndDirectlyAccessibleIsEightHours() {
        Instant received = Instant.parse("2026-11-25T09:14:00Z");

        assertThat(ResponseDeadline.limit(true, Accessibility.DIRECT)).isEqualTo(TimeLimit.URGENT_DIRECT);
        assertThat(ResponseDeadline.dueAt(received, true, Accessibility.DIRECT, LONDON))
                .isEqualTo(Instant.parse("2026-11-25T17:14:00Z"));
    }

    @Test
    void urgentAndIndirectlyAccessibleIsThreeCalendarDays() {
        Instant received = Instant.parse("2026-11-25T09:14:00Z");

        assertThat(ResponseDeadline.limit(true, Accessibility.INDIRECT)).isEqualTo(TimeLimit.URGENT_INDIRECT);
        assertThat(ResponseDeadline.dueAt(received, true, Accessibility.INDIRECT, LONDON))
                .isEqualTo(Instant.parse("2026-11-28T09:14:00Z"));
    }

    @Test
    void everyOtherRequestIsSevenCalendarDays() {
        Instant received = Instant.parse("2026-11-25T09:14:00Z");

        assertThat(ResponseDeadline.limit(false, Accessibility.DIRECT)).isEqualTo(TimeLimit.STANDARD);
        assertThat(ResponseDeadline.limit(false, Accessibility.INDIRECT)).isEqualTo(TimeLimit.STANDARD);
        assertThat(ResponseDeadline.limit(false, null)).isEqualTo(TimeLimit.STANDARD);
        assertThat(ResponseDeadline.dueAt(received, false, Accessibility.DIRECT, LONDON))
                .isEqualTo(Instant.parse("2026-12-02T09:14:00Z"));
    }

    @Test
    void anUrgentRequestThatDoesNotSayWhereTheInformationIsGetsTheLimitOfIndirectlyAccessibleInformation() {
        assertThat(ResponseDeadline.limit(true, null)).isEqualTo(TimeLimit.URGENT_INDIRECT);
        assertThat(ResponseDeadline.dueAt(Instant.parse("2026-11-25T09:14:00Z"), true, null, LONDON))
                .isEqualTo(Instant.parse("2026-11-28T09:14:00Z"));
    }

    @Test
    void threeCalendarDaysIntoSummerTimeEndAtTheSameLocalTimeAnHourSooner() {
        // Friday 27 March 2026, 10:00 GMT; the clocks go forward on Sunday 29 March
        Instant received = Instant.parse("2026-03-27T10:00:00Z");

        Instant due = ResponseDeadline.dueAt(received, true, Accessibility.INDIRECT, LONDON);

        assertThat(due.atZone(LONDON).toLocalDateTime()).hasToString("2026-03-30T10:00");
        assertThat(due).isEqualTo(Instant.parse("2026-03-30T09:00:00Z"));
        assertThat(Duration.between(received, due)).isEqualTo(Duration.ofHours(71));
    }

    @Test
    void sevenCalendarDaysOutOfSummerTimeEndAtTheSameLocalTimeAnHourLater() {
        // Tuesday 20 October 2026, 10:00 BST; the clocks go back on Sunday 25 October
        Instant received = Instant.parse("2026-10-20T09:00:00Z");

        Instant due = ResponseDeadline.dueAt(received, false, Accessibility.DIRECT, LONDON);

        assertThat(due.atZone(LONDON).toLocalDateTime()).hasToString("2026-10-27T10:00");
        assertThat(due).isEqualTo(Instant.parse("2026-10-27T10:00:00Z"));
        assertThat(Duration.between(received, due)).isEqualTo(Duration.ofHours(169));
    }

    @Test
    void eightHoursAcrossTheChangeAreEightElapsedHours() {
        // 00:30 GMT on 29 March 2026: the clocks go forward at 01:00, so the reply is due at 09:30 BST
        Instant received = Instant.parse("2026-03-29T00:30:00Z");

        Instant due = ResponseDeadline.dueAt(received, true, Accessibility.DIRECT, LONDON);

        assertThat(due).isEqualTo(Instant.parse("2026-03-29T08:30:00Z"));
        assertThat(due.atZone(LONDON).toLocalDateTime()).hasToString("2026-03-29T09:30");
    }

    @Test
    void aRequestReceivedInTheRepeatedHourIsDueAtTheSameLocalTimeDaysLater() {
        // 01:30 BST on 25 October 2026, the first of the two 01:30s
        Instant received = Instant.parse("2026-10-25T00:30:00Z");

        Instant due = ResponseDeadline.dueAt(received, true, Accessibility.INDIRECT, LONDON);

        assertThat(due.atZone(LONDON).toLocalDateTime()).hasToString("2026-10-28T01:30");
        assertThat(Duration.between(received, due)).isEqualTo(Duration.ofHours(73));
    }

    @Test
    void eachLimitNamesItsArticle() {
        assertThat(TimeLimit.URGENT_DIRECT.article()).isEqualTo("Art. 5(1)(a)");
        assertThat(TimeLimit.URGENT_INDIRECT.article()).isEqualTo("Art. 5(1)(b)");
        assertThat(TimeLimit.STANDARD.article()).isEqualTo("Art. 5(1)(c)");
        assertThat(TimeLimit.URGENT_INDIRECT.length()).isEqualTo("3 calendar days");
    }
}
