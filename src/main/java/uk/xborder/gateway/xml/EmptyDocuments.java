package uk.xborder.gateway.xml;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.DOMImplementation;
import org.w3c.dom.Document;

/**
 * Empty, namespace-aware DOM documents for the safe parser and the marshaller to fill. The DOM implementation is
 * taken once: a new DocumentBuilder for each one sets up a whole parser configuration (about 3% of the agency
 * consumer's time) only to be asked for an empty document. It can make documents, never parse: no XML reaches it.
 */
final class EmptyDocuments {

    private static final DOMImplementation DOM = domImplementation();

    private EmptyDocuments() {
    }

    /** A new document with no root element. Thread-safe. */
    static Document create() {
        return DOM.createDocument(null, null, null);
    }

    private static DOMImplementation domImplementation() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        try {
            return factory.newDocumentBuilder().getDOMImplementation();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("DOM builder cannot be configured", e);
        }
    }
}
