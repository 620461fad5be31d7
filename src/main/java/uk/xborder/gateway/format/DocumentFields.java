package uk.xborder.gateway.format;

import java.util.Optional;
import java.util.regex.Pattern;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import uk.xborder.gateway.xml.SourcePosition;

/**
 * Reads single fields from a parsed document by path, without binding or validating it: enough to attribute a
 * message that is about to be rejected. Values are returned only when they have the expected shape, so nothing
 * malformed (and possibly content) is echoed into a status notice or log.
 */
final class DocumentFields {

    static final Pattern PARTY_ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    static final Pattern MESSAGE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:\\-]{0,127}");
    private static final int MAX_PARTY_ID_LENGTH = 64;

    private DocumentFields() {
    }

    static Optional<String> partyId(Document document, String namespace, String... path) {
        return text(document, namespace, path)
                .filter(v -> v.length() <= MAX_PARTY_ID_LENGTH && PARTY_ID.matcher(v).matches());
    }

    static Optional<String> messageId(Document document, String namespace, String... path) {
        return text(document, namespace, path).filter(v -> MESSAGE_ID.matcher(v).matches());
    }

    /** " at line L, column C" for the first element with this name, or "" when it cannot be found. */
    static String whereIs(Document document, String namespace, String localName) {
        Node element = document.getElementsByTagNameNS(namespace, localName).item(0);
        return SourcePosition.of(element).map(p -> " at " + p).orElse("");
    }

    /** Text of the element at path (root first), trimmed; empty if any step is missing or the root differs. */
    private static Optional<String> text(Document document, String namespace, String... path) {
        Element current = document == null ? null : document.getDocumentElement();
        if (current == null || !matches(current, namespace, path[0])) {
            return Optional.empty();
        }
        for (int i = 1; i < path.length && current != null; i++) {
            current = child(current, namespace, path[i]);
        }
        return current == null ? Optional.empty() : Optional.of(current.getTextContent().trim());
    }

    private static Element child(Element parent, String namespace, String localName) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && matches(element, namespace, localName)) {
                return element;
            }
        }
        return null;
    }

    private static boolean matches(Element element, String namespace, String localName) {
        return namespace.equals(element.getNamespaceURI()) && localName.equals(element.getLocalName());
    }
}
