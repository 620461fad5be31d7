package uk.xborder.gateway.exchange.operator;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import uk.xborder.gateway.exchange.ExchangePage;
import uk.xborder.gateway.exchange.ExchangeQuery;
import uk.xborder.gateway.exchange.ExchangeStore;
import uk.xborder.gateway.exchange.StoredExchange;

/**
 * The exchanges a bulk replay or discard is for, fixed before anything is done: every reference a filter matches now
 * (newest change first; a replay changes the order, so the whole selection is read first), or a list given, without
 * repeats.
 */
public record Selection(List<String> references) {

    public Selection {
        references = List.copyOf(new LinkedHashSet<>(references));
    }

    public static Selection of(List<String> references) {
        return new Selection(references);
    }

    /** Every exchange the filter matches (its offset and limit are ignored). */
    public static Selection matching(ExchangeStore store, ExchangeQuery filter) {
        List<String> found = new ArrayList<>();
        int offset = 0;
        while (true) {
            ExchangePage page = store.find(filter.page(offset, ExchangeQuery.MAX_LIMIT));
            page.exchanges().stream().map(StoredExchange::reference).forEach(found::add);
            offset += page.exchanges().size();
            if (page.exchanges().size() < ExchangeQuery.MAX_LIMIT || offset >= page.total()) {
                return new Selection(found);
            }
        }
    }

    public int size() {
        return references.size();
    }
}
