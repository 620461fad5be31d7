package uk.xborder.gateway.receipt;

import java.util.Optional;

import org.apache.camel.CamelContext;

import uk.xborder.gateway.exchange.ExchangeReferences;
import uk.xborder.gateway.exchange.ExchangeState;
import uk.xborder.gateway.exchange.ExchangeStore;
import uk.xborder.gateway.exchange.OpenedContent;
import uk.xborder.gateway.exchange.StoredExchange;
import uk.xborder.gateway.exchange.operator.ContentReplay;
import uk.xborder.gateway.exchange.operator.ReplayQueue;
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

    private final ReplayQueue queue;
    private final ExchangeStore store;

    public ReceivedReceiptReplay(CamelContext context, ExchangeStore store) {
        this.queue = new ReplayQueue(context, "gw.receipts");
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
        Optional<String> transportId = queue.put(content.bytes(), exchange.reference());
        return "the partner's receipt is on " + queue.name() + " again (JMS message "
                + transportId.orElse("id not known") + "), verified again from its signature "
                + "on; it closes the delivery it answers if that still awaits a receipt.";
    }
}
