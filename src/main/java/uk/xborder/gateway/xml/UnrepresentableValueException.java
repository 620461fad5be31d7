package uk.xborder.gateway.xml;

/**
 * A lexical value the schema allows that the Java type bound to it cannot hold (xs:dateTime 24:00:00, a year after
 * 9999, more than nine fraction digits). Thrown while binding; {@link JaxbCodec} turns it into an
 * {@code INVALID_VALUE} refusal naming the field. The value is kept only to find that field and is never shown:
 * neither this exception's message nor {@link #toString()} carries it.
 */
final class UnrepresentableValueException extends IllegalArgumentException {

    private final transient String lexical;
    private final String limits;

    /** @param limits what the type can hold, as a phrase for the sender, e.g. "a date and time needs ..." */
    UnrepresentableValueException(String lexical, String limits) {
        super("A value the schema allows is outside what the gateway can represent: " + limits);
        this.lexical = lexical;
        this.limits = limits;
    }

    String limits() {
        return limits;
    }

    /** The offending text, to locate the element it came from; never to be logged or echoed. */
    String lexical() {
        return lexical;
    }
}
