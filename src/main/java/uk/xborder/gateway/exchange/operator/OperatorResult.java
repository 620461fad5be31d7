package uk.xborder.gateway.exchange.operator;

import uk.xborder.gateway.exchange.ExchangeState;

/**
 * What became of one exchange an operator acted on.
 *
 * @param state       where the exchange stands now (null for an unknown reference)
 * @param explanation one sentence, without content
 */
public record OperatorResult(String reference, Outcome outcome, ExchangeState state, String explanation) {
}
