package uk.xborder.gateway.xml;

import org.xml.sax.SAXException;

/** Raised inside parsing when one element carries more attributes than any gateway format allows. */
final class TooManyAttributesException extends SAXException {

    private final int limit;
    private final int line;
    private final int column;

    TooManyAttributesException(int limit, int line, int column) {
        super("more than " + limit + " attributes on one element");
        this.limit = limit;
        this.line = line;
        this.column = column;
    }

    String explanation() {
        return "An element has more than " + limit + " attributes (namespace declarations included) at line " + line
                + ", column " + column + "; no gateway format gives an element that many.";
    }
}
