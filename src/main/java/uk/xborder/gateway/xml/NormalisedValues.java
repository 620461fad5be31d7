package uk.xborder.gateway.xml;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.validation.Schema;
import javax.xml.validation.ValidatorHandler;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.Text;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.AttributesImpl;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Rewrites the values of a document its schema has accepted as the schema reads them: white space replaced or
 * collapsed as each value's type says ({@code xs:token} and the types derived from it collapse), so that what is
 * bound is what was validated.
 *
 * <p>Why: JAXB binds text as it stands. A {@code String} field of a token type collapses white space itself (the
 * generated code says so), but an enumeration is looked up as written: {@code <Division> G </Division>} is a valid
 * division for the schema and bound to null, and the translator then failed on the null (a NullPointerException,
 * held as the gateway's own fault, for a message the sender had every right to send).
 *
 * <p>The schema's own reading comes from the JDK's validator: the document is streamed through a
 * {@link ValidatorHandler} with normalised values switched on, which hands on each simple value (an element's text
 * or an attribute) normalised, and the document is changed where that differs from the text. Element-only content
 * and string values are left as they are. Should the stream ever be refused, nothing is changed: the document was
 * valid already and stays as it was. A document whose values are all collapsed already (most are) is not streamed
 * at all: the pass costs about as much as the validation.
 */
final class NormalisedValues {

    private static final String NORMALIZED_VALUE = "http://apache.org/xml/features/validation/schema/normalized-value";

    private NormalisedValues() {
    }

    /** Normalises, in place, the values of a document that has passed validation against the schema. */
    static void apply(Schema schema, Document document) {
        Element root = document.getDocumentElement();
        if (root == null || allCollapsed(root)) {
            return; // no normalisation can change a value: spare the second pass over the document
        }
        Collector collector = new Collector();
        try {
            ValidatorHandler handler = schema.newValidatorHandler();
            handler.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            handler.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            handler.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            handler.setFeature(NORMALIZED_VALUE, true);
            handler.setErrorHandler(StopAtFirstError.INSTANCE);
            handler.setContentHandler(collector);
            handler.startDocument();
            emit(root, handler, collector);
            handler.endDocument();
        } catch (SAXException notNormalised) {
            return; // cannot happen for a valid document; if it does, the values stay as the sender wrote them
        }
        collector.changes.forEach(Runnable::run);
    }

    /**
     * True when every simple value below the element is already in collapsed form (no white space but single
     * spaces between words), which neither replacing nor collapsing changes.
     */
    private static boolean allCollapsed(Element element) {
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            if (!isCollapsed(attributes.item(i).getNodeValue())) {
                return false;
            }
        }
        boolean leaf = true;
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element nested) {
                leaf = false;
                if (!allCollapsed(nested)) {
                    return false;
                }
            }
        }
        return !leaf || isCollapsed(element.getTextContent());
    }

    private static boolean isCollapsed(String value) {
        int length = value.length();
        if (length > 0 && (value.charAt(0) == ' ' || value.charAt(length - 1) == ' ')) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r' || (c == ' ' && i > 0 && value.charAt(i - 1) == ' ')) {
                return false;
            }
        }
        return true;
    }

    /** The element as SAX events, as a namespace-aware parser would report it. */
    private static void emit(Element element, ValidatorHandler handler, Collector collector) throws SAXException {
        List<String> prefixes = new ArrayList<>();
        AttributesImpl attributes = new AttributesImpl();
        NamedNodeMap declared = element.getAttributes();
        for (int i = 0; i < declared.getLength(); i++) {
            Attr attribute = (Attr) declared.item(i);
            if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attribute.getNamespaceURI())) {
                String prefix = attribute.getPrefix() == null ? "" : attribute.getLocalName();
                handler.startPrefixMapping(prefix, attribute.getValue());
                prefixes.add(prefix);
            } else {
                attributes.addAttribute(uri(attribute), localName(attribute), attribute.getName(), "CDATA",
                        attribute.getValue());
            }
        }
        collector.next = element;
        handler.startElement(uri(element), localName(element), element.getTagName(), attributes);
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element nested) {
                emit(nested, handler, collector);
            } else if (child instanceof Text text) {
                char[] data = text.getData().toCharArray();
                handler.characters(data, 0, data.length);
            }
        }
        handler.endElement(uri(element), localName(element), element.getTagName());
        for (int i = prefixes.size() - 1; i >= 0; i--) {
            handler.endPrefixMapping(prefixes.get(i));
        }
    }

    private static String uri(Node node) {
        return node.getNamespaceURI() == null ? "" : node.getNamespaceURI();
    }

    private static String localName(Node node) {
        return node.getLocalName() == null ? node.getNodeName() : node.getLocalName();
    }

    private static boolean hasElementChildren(Element element) {
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE) {
                return true;
            }
        }
        return false;
    }

    /**
     * Receives what the validator hands on, element by element (the walk tells it which DOM element comes next),
     * and notes each value that differs from the document's. Changes are made only once the whole stream has passed.
     */
    private static final class Collector extends DefaultHandler {
        private final Deque<Element> elements = new ArrayDeque<>();
        private final Deque<StringBuilder> texts = new ArrayDeque<>();
        private final List<Runnable> changes = new ArrayList<>();
        private Element next;

        @Override
        public void startElement(String uri, String localName, String qName, Attributes normalised) {
            Element element = next;
            elements.push(element);
            texts.push(new StringBuilder());
            for (int i = 0; i < normalised.getLength(); i++) {
                String attributeUri = normalised.getURI(i).isEmpty() ? null : normalised.getURI(i);
                Attr attribute = element.getAttributeNodeNS(attributeUri, normalised.getLocalName(i));
                String value = normalised.getValue(i);
                if (attribute != null && !value.equals(attribute.getValue())) {
                    changes.add(() -> attribute.setValue(value));
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            texts.peek().append(ch, start, length);
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            Element element = elements.pop();
            String value = texts.pop().toString();
            if (!hasElementChildren(element) && !value.equals(element.getTextContent())) {
                // setTextContent replaces every child with one text node, or none for an empty value
                changes.add(() -> element.setTextContent(value));
            }
        }
    }
}
