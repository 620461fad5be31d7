package uk.xborder.gateway.exchange;

import java.util.List;
import java.util.Optional;

/** One exchange with its attempts, oldest first, and a description of its content (never the content itself). */
public record ExchangeDetail(StoredExchange exchange, List<Attempt> attempts, Optional<ContentInfo> content) {

    public ExchangeDetail {
        attempts = List.copyOf(attempts);
    }
}
