package uk.xborder.gateway.xml;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Converts xs:dateTime to and from {@link OffsetDateTime} for the generated schema types (see bindings.xjb).
 *
 * <p>Every timestamp in the public schemas must carry a time-zone offset, so an offset date-time holds it without
 * loss. Values are printed in ISO-8601 with their own offset, so a round trip keeps what the sender wrote.
 *
 * <p>xs:dateTime allows a few values {@code OffsetDateTime} cannot hold: hour 24 (00:00 of the next day), years
 * after 9999 and more than nine fraction digits. They are refused, not rounded or rolled over: changing a time in
 * an intelligence message is not the gateway's to do.
 */
public final class XmlDateTimes {

    private XmlDateTimes() {
    }

    /**
     * Parses a schema-valid xs:dateTime; a value without an offset was already refused by schema validation.
     *
     * @throws UnrepresentableValueException for a schema-valid value {@code OffsetDateTime} cannot hold
     */
    public static OffsetDateTime parse(String lexical) {
        if (lexical == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(lexical.trim(), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeException e) {
            // The parser's own message quotes the value, so it is not kept as the cause.
            throw new UnrepresentableValueException(lexical.trim(), "a date and time needs an hour from 00 to 23,"
                    + " a year no later than 9999 and at most nine digits of fractional seconds");
        }
    }

    public static String print(OffsetDateTime value) {
        return value == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value);
    }
}
