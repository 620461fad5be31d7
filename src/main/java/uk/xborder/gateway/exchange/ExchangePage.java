package uk.xborder.gateway.exchange;

import java.util.List;

/** One page of exchanges matching a query, newest change first, and how many match in all. */
public record ExchangePage(List<StoredExchange> exchanges, long total, int offset, int limit) {

    public ExchangePage {
        exchanges = List.copyOf(exchanges);
    }
}
