package uk.xborder.gateway.health;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import uk.xborder.gateway.exchange.Failures;

/** The partners whose oldest failed exchange has waited longer than the setting allows, oldest failure first. */
final class FailingPartners {

    /** One partner failing: since when (its oldest FAILED exchange), and how many exchanges with it are FAILED. */
    record Failing(String partner, Instant since, long failedExchanges) {
    }

    private FailingPartners() {
    }

    static List<Failing> of(Failures failures, Duration failingAfter, Instant now) {
        return failures.byPartner().entrySet().stream()
                .filter(entry -> entry.getValue().count() > 0 && entry.getValue().oldestFailedSince() != null)
                .filter(entry -> Duration.between(entry.getValue().oldestFailedSince(), now)
                        .compareTo(failingAfter) >= 0)
                .map(FailingPartners::failing)
                .sorted((a, b) -> a.since().compareTo(b.since()))
                .toList();
    }

    private static Failing failing(Map.Entry<String, Failures.Partner> entry) {
        return new Failing(entry.getKey(), entry.getValue().oldestFailedSince(), entry.getValue().count());
    }
}
