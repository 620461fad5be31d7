package uk.xborder.gateway.exchange;

import java.time.Instant;
import java.util.Optional;

/** What is kept to replay an exchange, described without opening it. */
public record ContentInfo(ContentKind kind, String keyId, Instant storedAt, Optional<Instant> erasedAt) {

    public boolean erased() {
        return erasedAt.isPresent();
    }
}
