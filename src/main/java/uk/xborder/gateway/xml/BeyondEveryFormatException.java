package uk.xborder.gateway.xml;

import org.xml.sax.SAXException;

/**
 * Raised inside parsing when well-formed XML is shaped as no gateway format could be: elements nested too deep, or
 * too many attributes on one element. Refused as SCHEMA_INVALID before the DOM grows any further.
 */
final class BeyondEveryFormatException extends SAXException {

    private final String explanation;

    private BeyondEveryFormatException(String explanation) {
        super(explanation);
        this.explanation = explanation;
    }

    static BeyondEveryFormatException nestedDeeperThan(int limit, int line, int column) {
        return new BeyondEveryFormatException("Elements are nested deeper than " + limit + " levels at line " + line
                + ", column " + column + "; no gateway format nests that deep.");
    }

    static BeyondEveryFormatException moreAttributesThan(int limit, int line, int column) {
        return new BeyondEveryFormatException("An element has more than " + limit + " attributes (namespace"
                + " declarations included) at line " + line + ", column " + column
                + "; no gateway format gives an element that many.");
    }

    String explanation() {
        return explanation;
    }
}
