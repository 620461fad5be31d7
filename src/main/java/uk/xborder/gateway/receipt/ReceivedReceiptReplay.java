package uk.xborder.gateway.receipt;

import java.util.Optional;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;

import uk.xborder.gateway.exchange.ExchangeReferences;
import uk.xborder.gateway.exchange.ExchangeState;
import uk.xborder.gateway.exchange.ExchangeStore;
import uk.xborder.gateway.exchange.OpenedContent;
import uk.xborder.gateway.exchange.StoredExchange;
import uk.xborder.gateway.exchange.operator.ContentReplay;
import uk.xborder.gateway.pipeline.GatewayHeaders;
import uk.xborder.gateway.pipeline.ReasonCode;

/**
 * Replays a partner's receipt the gateway refused (kind RECEIVED_RECEIPT) once what refused it is put right on the
 * gateway's side (the partner's certificate or trust anchor corrected in the directory, a CRL renewed): the receipt,
 * exactly as the partner sent it, goes back on gw.receipts and is verified again from its signature on, like any
 * receipt. It proves itself: a receipt is believed for its signature, its signer, the delivery it names and the
 * digest, never for who put it on the queue, so the replay needs no claim ({@link GatewayHeaders#REPLAY_OF} is only
 * carried for whoever reads the queue). If it now verifies, it closes the delivery it answers, once (a delivery
 * closed meanwhile, or failed for want of a receipt, is not reopened: the receipt is recorded and changes nothing);
 * if not, it is refused again, as a refused receipt of its own.
 */
public final class ReceivedReceiptReplay implements ContentReplay {

    private static final String QUEUE = "gw.receipts";

    private final CamelContext context;
    private final ExchangeStore store;
    /** Made at the first replay: the context is started by then. */
    private ProducerTemplate producer;

    public ReceivedReceiptReplay(CamelContext context, ExchangeStore store) {
        this.context = context;
        this.store = store;
    }

    /** The outbound exchange it answers is closed already by another receipt: replayed, it would change nothing. */
    @Override
    public Optional<String> deliveredAlready(StoredExchange exchange) {
        if (exchange.exchangeId() == null || exchange.partner() == null) {
            return Optional.empty();
        }
        return store.exchange(ExchangeReferences.outbound(exchange.exchangeId(), exchange.partner()))
                .filter(answered -> answered.state() == ExchangeState.ACKNOWLEDGED
                        || ReasonCode.REFUSED_BY_PARTNER.name().equals(answered.reasonCode()))
                .map(answered -> "the delivery to '" + exchange.partner() + "' it answers is closed already ("
                        + answered.state() + ", exchange reference " + answered.reference() + ")");
    }

    @Override
    public String replay(StoredExchange exchange, OpenedContent content, int replay) {
        Exchange message = new DefaultExchange(context);
        message.getMessage().setBody(content.bytes());
        message.getMessage().setHeader(GatewayHeaders.REPLAY_OF, exchange.reference());
        Exchange sent = producer().send("jms:queue:" + QUEUE + "?includeSentJMSMessageID=true", message);
        if (sent.getException() != null) {
            throw new IllegalStateException("the replay could not be put on " + QUEUE, sent.getException());
        }
        return "the partner's receipt is on " + QUEUE + " again (JMS message "
                + sent.getMessage().getHeader("JMSMessageID", String.class) + "), verified again from its signature "
                + "on; it closes the delivery it answers if that still awaits a receipt.";
    }

    private synchronized ProducerTemplate producer() {
        if (producer == null) {
            producer = context.createProducerTemplate();
        }
        return producer;
    }
}
