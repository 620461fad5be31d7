package uk.xborder.gateway.audit.log;

import java.util.List;

/** One page of results, with the total number of matches. */
public record Page<T>(List<T> items, long total, int offset, int limit) {

    public Page {
        items = List.copyOf(items);
    }
}
