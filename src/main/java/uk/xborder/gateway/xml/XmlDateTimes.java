package uk.xborder.gateway.xml;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Converts xs:dateTime to and from {@link OffsetDateTime} for the generated schema types (see bindings.xjb).
 *
 * <p>Every timestamp in the public schemas must carry a time-zone offset, so an offset date-time holds it without
 * loss. Values are printed in ISO-8601 with their own offset, so a round trip keeps what the sender wrote.
 */
public final class XmlDateTimes {

    private XmlDateTimes() {
    }

    /** Parses a schema-valid xs:dateTime; a value without an offset was already refused by schema validation. */
    public static OffsetDateTime parse(String lexical) {
        return lexical == null ? null : OffsetDateTime.parse(lexical.trim(), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    public static String print(OffsetDateTime value) {
        return value == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value);
    }
}
