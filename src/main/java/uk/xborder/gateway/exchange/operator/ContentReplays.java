package uk.xborder.gateway.exchange.operator;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import uk.xborder.gateway.exchange.ContentKind;

/**
 * Which replay sends which kind of stored content: the one place a new kind (say, a dead letter sent back to its
 * original address) is plugged in. A kind with no replay here is refused as {@link Outcome#REPLAY_NOT_SUPPORTED}.
 */
public final class ContentReplays {

    private final Map<ContentKind, ContentReplay> byKind = new EnumMap<>(ContentKind.class);

    /** The replays of the kinds given; add others with {@link #with}. */
    public static ContentReplays of(ContentReplay sealedEnvelope, ContentReplay originalMessage) {
        return new ContentReplays()
                // a delivery that failed: the same sealed envelope, through the partner's retry path
                .with(ContentKind.SEALED_ENVELOPE, sealedEnvelope)
                // a message refused or held before it was sealed: through the agency's pipeline again
                .with(ContentKind.ORIGINAL_MESSAGE, originalMessage);
    }

    public ContentReplays with(ContentKind kind, ContentReplay replay) {
        byKind.put(kind, replay);
        return this;
    }

    public Optional<ContentReplay> forKind(ContentKind kind) {
        return Optional.ofNullable(byKind.get(kind));
    }
}
