package uk.xborder.gateway.exchange;

import java.time.Instant;

/** Content retention will erase: which exchange it belongs to, and what it is (never the content). */
record ErasableContent(String reference, String exchangeId, ExchangeState state, String messageId, String agency,
                       String partner, ContentKind kind, Instant lastChanged) {
}
