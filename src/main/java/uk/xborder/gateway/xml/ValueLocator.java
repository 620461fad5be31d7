package uk.xborder.gateway.xml;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Finds which field of a document holds a given value, so that a refusal can name the field without quoting the
 * value. JAXB reports a value its Java type cannot hold without saying where it was; the value itself is the only
 * clue. When several fields hold the same value, the first is named: each of them would be refused alike.
 */
final class ValueLocator {

    private ValueLocator() {
    }

    /**
     * The field holding the value, as its name, path and position, e.g.
     * {@code CreatedDateTime (/IntelligenceReport/Header/CreatedDateTime, line 13, column 22)}.
     */
    static Optional<String> describe(Node root, String value) {
        return find(root, value).map(ValueLocator::describe);
    }

    private static Optional<Node> find(Node node, String value) {
        if (node instanceof Element element) {
            NamedNodeMap attributes = element.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                if (value.equals(attributes.item(i).getNodeValue().trim())) {
                    return Optional.of(attributes.item(i));
                }
            }
            if (isLeaf(element) && value.equals(element.getTextContent().trim())) {
                return Optional.of(element);
            }
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            Optional<Node> found = find(child, value);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static boolean isLeaf(Element element) {
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE) {
                return false;
            }
        }
        return true;
    }

    private static String describe(Node field) {
        Deque<String> path = new ArrayDeque<>();
        Node element = field instanceof Attr attribute ? attribute.getOwnerElement() : field;
        if (field instanceof Attr attribute) {
            path.push("@" + attribute.getLocalName());
        }
        for (Node n = element; n instanceof Element; n = n.getParentNode()) {
            path.push(n.getLocalName());
        }
        String name = field.getLocalName();
        return name + " (/" + String.join("/", path)
                + SourcePosition.of(element).map(p -> ", " + p).orElse("") + ")";
    }
}
