package uk.xborder.gateway.outbound;

import java.time.Clock;
import java.util.List;

import org.apache.camel.ExchangeProperty;

import uk.xborder.gateway.pipeline.ExchangeProperties;
import uk.xborder.gateway.requests.RequestFacts;
import uk.xborder.gateway.requests.RequestTracking;

/**
 * The last step of an outbound exchange that reached some partners: a request for information starts the time each
 * of them has to answer, and a reply ends the time the agency had to answer that partner's request
 * ({@link RequestTracking}).
 */
public final class Deadlines {

    private final RequestTracking tracking;
    private final Clock clock;

    public Deadlines(RequestTracking tracking, Clock clock) {
        this.tracking = tracking;
        this.clock = clock;
    }

    public void track(@ExchangeProperty(ExchangeProperties.OUTBOUND) OutboundMessage message) {
        List<String> delivered = message.results().stream()
                .filter(result -> result.outcome() == RecipientOutcome.ACCEPTED)
                .map(RecipientResult::partyId).toList();
        if (!delivered.isEmpty()) {
            tracking.sent(message.exchangeId(), RequestFacts.of(message.canonical()), message.agency(), delivered,
                    clock.instant());
        }
    }
}
