package uk.xborder.gateway.xml;

import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/** Stops at the first problem; also keeps the JDK's default handler from printing messages to stderr. */
enum StopAtFirstError implements ErrorHandler {
    INSTANCE;

    @Override
    public void warning(SAXParseException exception) {
        // Warnings do not make a document unacceptable.
    }

    @Override
    public void error(SAXParseException exception) throws SAXException {
        throw exception;
    }

    @Override
    public void fatalError(SAXParseException exception) throws SAXException {
        throw exception;
    }
}
