package uk.xborder.gateway.xml;

import org.xml.sax.SAXException;

/** Raised inside parsing when elements nest deeper than any gateway format allows. */
final class NestingTooDeepException extends SAXException {

    private final int limit;
    private final int line;
    private final int column;

    NestingTooDeepException(int limit, int line, int column) {
        super("elements nested deeper than " + limit + " levels");
        this.limit = limit;
        this.line = line;
        this.column = column;
    }

    String explanation() {
        return "Elements are nested deeper than " + limit + " levels at line " + line + ", column " + column
                + "; no gateway format nests that deep.";
    }
}
