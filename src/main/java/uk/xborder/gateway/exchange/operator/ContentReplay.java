package uk.xborder.gateway.exchange.operator;

import java.util.Optional;

import uk.xborder.gateway.exchange.OpenedContent;
import uk.xborder.gateway.exchange.StoredExchange;

/**
 * Sends one kind of stored content ({@link uk.xborder.gateway.exchange.ContentKind}) again, the way the gateway would
 * have sent it the first time, once the operator's replay has won its compare-and-set and been audited.
 */
public interface ContentReplay {

    /**
     * @param exchange the exchange as it stood when the operator replayed it
     * @param content  what the store kept of it, opened
     * @param replay   a number no other replay of this exchange has (its version once REPLAYED)
     * @return how it was sent, one sentence for the audit trail and the operator (no content)
     * @throws RuntimeException when it could not be sent; the replay is then undone
     */
    String replay(StoredExchange exchange, OpenedContent content, int replay);

    /**
     * Why this exchange, though its own state says it failed or was refused, is delivered already by another way
     * (e.g. its partner sent the same message again and that arrival was delivered), if it is: its replay is then
     * refused as DELIVERED_ALREADY unless forced. Empty by default: the exchange's state says it all.
     */
    default Optional<String> deliveredAlready(StoredExchange exchange) {
        return Optional.empty();
    }
}
