package uk.xborder.gateway.outbound;

import java.time.Clock;
import java.util.Objects;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;

import uk.xborder.gateway.directory.Partner;
import uk.xborder.gateway.directory.PartyDirectory;
import uk.xborder.gateway.exchange.OpenedContent;
import uk.xborder.gateway.exchange.StoredExchange;
import uk.xborder.gateway.exchange.operator.ContentReplay;
import uk.xborder.gateway.ledger.AwaitingReceipts;

/**
 * Replays a delivery that failed (or, forced, one delivered): the same sealed envelope goes on the partner's retry
 * queue as the first attempt of a replay, due now, and from there the partner's retry route does what it does for any
 * attempt (routes/retries.camel.yaml): it records the attempt, DELIVERED and the receipt awaited, or FAILED again
 * after the partner's retries. The envelope keeps its message id and duplicate-detection id, so a partner that has
 * it already takes it as a repeat.
 *
 * <p>It goes to the partner's endpoint as the directory has it now (the fix an operator replays after may be a new
 * endpoint), or the one it last went to if the partner has left the directory. It is not re-encrypted: a partner
 * whose certificate changed since cannot open it, and must be sent the agency's message again.
 */
public final class EnvelopeReplay implements ContentReplay {

    /** Made at the first replay: the context is started by then. */
    private ProducerTemplate producer;
    private final CamelContext context;
    private final PartyDirectory directory;
    private final AwaitingReceipts awaiting;
    private final Clock brokerClock = Clock.systemUTC();

    public EnvelopeReplay(CamelContext context, PartyDirectory directory, AwaitingReceipts awaiting) {
        this.context = context;
        this.directory = directory;
        this.awaiting = awaiting;
    }

    @Override
    public String replay(StoredExchange exchange, OpenedContent content, int replay) {
        String partner = Objects.requireNonNull(exchange.recipient(), "the exchange's recipient");
        String endpoint = directory.partner(partner).map(Partner::endpoint).orElse(null);
        if (endpoint == null) {
            throw new IllegalStateException("partner " + partner + " is not in the directory any more");
        }
        PendingDelivery delivery = PendingDelivery.replayOf(exchange.exchangeId(), exchange.agency(), partner,
                exchange.messageId(), exchange.transportMessageId(), endpoint, replay);
        // the delivery waits for an attempt again, so that the retry route makes it and a receipt may close it
        awaiting.reopenForReplay(exchange.exchangeId(), partner);
        Exchange message = new DefaultExchange(context);
        message.getMessage().setBody(content.bytes());
        delivery.writeTo(message.getMessage(), brokerClock.instant());
        Exchange sent = producer().send("jms:queue:gw.retry." + partner, message);
        if (sent.getException() != null) {
            throw new IllegalStateException("the replay could not be put on gw.retry." + partner,
                    sent.getException());
        }
        return "the sealed envelope is on gw.retry." + partner + " as attempt 1 of replay " + replay + " to '"
                + endpoint + "', with message id " + exchange.messageId() + " and the same duplicate-detection id.";
    }

    private synchronized ProducerTemplate producer() {
        if (producer == null) {
            producer = context.createProducerTemplate();
        }
        return producer;
    }
}
