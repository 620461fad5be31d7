package uk.xborder.gateway.xml;

import org.xml.sax.SAXException;

/** Raised inside parsing when the document reaches for something outside itself (entity, DTD, XInclude). */
final class ForbiddenConstructException extends SAXException {

    private final String construct;
    private final int line;
    private final int column;

    ForbiddenConstructException(String construct, int line, int column) {
        super(construct);
        this.construct = construct;
        this.line = line;
        this.column = column;
    }

    String explanation() {
        String where = line > 0 ? " at line " + line + ", column " + column : "";
        return "The message contains " + construct + where
                + "; DOCTYPEs, entity declarations and external references are never processed.";
    }
}
