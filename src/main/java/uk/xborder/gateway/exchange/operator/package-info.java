/**
 * Operators' decisions on the exchanges the gateway could not complete: replay one, a list or every exchange a filter
 * selects, or discard them, each with a reason, each on the exchange's own audit trail, each by compare-and-set on
 * the exchange store so that of two operators acting on the same exchange at once exactly one acts.
 *
 * <p>How an exchange is sent again depends on what the store kept of it ({@link uk.xborder.gateway.exchange.ContentKind}):
 * {@link ContentReplays} is the one place that says which {@link ContentReplay} sends which kind.
 */
package uk.xborder.gateway.exchange.operator;
