package uk.xborder.gateway.envelope;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What an envelope that could not be read properly still says about itself, read best-effort so that a refusal can
 * name the message and answer the sender. Each field is present only when it has the shape its schema type requires,
 * so nothing malformed is ever echoed.
 *
 * @param messageId  the header's MessageId
 * @param exchangeId the header's ExchangeId
 * @param from       the header's From
 * @param to         the header's To
 * @param payload    the Payload's octets, when it decodes as base64
 */
public record ClaimedHeader(Optional<String> messageId, Optional<String> exchangeId, Optional<String> from,
                            Optional<String> to, Optional<byte[]> payload) {

    static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:\\-]{0,127}");
    static final Pattern PARTY_ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final int PARTY_ID_LIMIT = 64;

    /** Nothing could be read. */
    public static ClaimedHeader none() {
        return new ClaimedHeader(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /** The claims of a header that was read in full. */
    public static ClaimedHeader of(EnvelopeHeader header, byte[] payload) {
        return new ClaimedHeader(Optional.of(header.messageId()), Optional.of(header.exchangeId()),
                Optional.of(header.from()), Optional.of(header.to()), Optional.of(payload));
    }

    static Optional<String> identifier(String text) {
        return Optional.ofNullable(text).map(String::trim).filter(t -> IDENTIFIER.matcher(t).matches());
    }

    static Optional<String> partyId(String text) {
        return Optional.ofNullable(text).map(String::trim)
                .filter(t -> t.length() <= PARTY_ID_LIMIT && PARTY_ID.matcher(t).matches());
    }
}
