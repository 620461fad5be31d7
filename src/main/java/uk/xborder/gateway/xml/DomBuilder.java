package uk.xborder.gateway.xml;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import org.w3c.dom.DOMException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Builds a namespace-aware DOM from SAX events, recording each element's {@link SourcePosition} (the JDK's
 * DocumentBuilder keeps no positions) and refusing XInclude elements, excessive nesting and excessive attribute
 * counts as they arrive.
 *
 * <p>The JDK's namespace-aware SAX parser passes on some names that are not qualified names, such as
 * {@code :mlns} or {@code <:a>} (a colon with no prefix before it); the DOM refuses to hold them with a
 * {@link DOMException}. Such a name is the sender's malformed XML, and is reported as the parser reports its own
 * findings: a {@link SAXParseException} with the position, which becomes {@code MALFORMED_XML}.
 */
final class DomBuilder extends DefaultHandler {

    private static final Set<String> XINCLUDE_NAMESPACES =
            Set.of("http://www.w3.org/2001/XInclude", "http://www.w3.org/2003/XInclude");

    private final Document document;
    private final int maxDepth;
    private final int maxAttributes;
    private final Deque<Node> open = new ArrayDeque<>();
    private final List<String[]> pendingNamespaceDeclarations = new ArrayList<>();
    private final StringBuilder pendingText = new StringBuilder();
    private Locator locator;

    /**
     * @param maxDepth      the deepest nesting of elements accepted
     * @param maxAttributes the most attributes one element may carry, namespace declarations included: the DOM
     *                      looks an attribute up by name among those already set, so each one costs as much as
     *                      all before it (ten thousand on one element cost seconds)
     */
    DomBuilder(Document document, int maxDepth, int maxAttributes) {
        this.document = document;
        this.maxDepth = maxDepth;
        this.maxAttributes = maxAttributes;
        open.push(document);
    }

    @Override
    public void setDocumentLocator(Locator locator) {
        this.locator = locator;
    }

    @Override
    public void startPrefixMapping(String prefix, String uri) {
        pendingNamespaceDeclarations.add(new String[] {prefix, uri});
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
        if (XINCLUDE_NAMESPACES.contains(uri)) {
            throw new ForbiddenConstructException("an XInclude element", line(), column());
        }
        if (open.size() > maxDepth) {
            throw BeyondEveryFormatException.nestedDeeperThan(maxDepth, line(), column());
        }
        if (pendingNamespaceDeclarations.size() + attributes.getLength() > maxAttributes) {
            throw BeyondEveryFormatException.moreAttributesThan(maxAttributes, line(), column());
        }
        endText();
        Element element;
        try {
            element = element(uri, qName, attributes);
        } catch (DOMException notAQualifiedName) {
            // The DOM's message names the rule, not the name; the name itself is the sender's and is not repeated.
            throw new SAXParseException("An element or attribute name is not a qualified name (a colon needs a"
                    + " prefix before it and a local name after it)", locator);
        }
        SourcePosition.attach(element, line(), column());
        open.peek().appendChild(element);
        open.push(element);
    }

    private Element element(String uri, String qName, Attributes attributes) {
        Element element = document.createElementNS(uri.isEmpty() ? null : uri, qName);
        for (String[] declaration : pendingNamespaceDeclarations) {
            String name = declaration[0].isEmpty() ? "xmlns" : "xmlns:" + declaration[0];
            element.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, name, declaration[1]);
        }
        pendingNamespaceDeclarations.clear();
        for (int i = 0; i < attributes.getLength(); i++) {
            String attributeUri = attributes.getURI(i);
            element.setAttributeNS(attributeUri.isEmpty() ? null : attributeUri, attributes.getQName(i),
                    attributes.getValue(i));
        }
        return element;
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        endText();
        open.pop();
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (open.peek() == document) {
            return; // white space outside the root element carries nothing
        }
        // The parser hands text over in chunks (one per buffer, and more around each character reference):
        // gathered here and made into one node when the text ends, since growing a node chunk by chunk copies
        // the whole text each time.
        pendingText.append(ch, start, length);
    }

    /** Ends the text gathered so far as one node of the element it belongs to. */
    private void endText() {
        if (pendingText.length() > 0) {
            open.peek().appendChild(document.createTextNode(pendingText.toString()));
            pendingText.setLength(0);
        }
    }

    @Override
    public void endDocument() {
        endText();
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) {
        characters(ch, start, length);
    }

    @Override
    public void skippedEntity(String name) throws SAXException {
        throw new ForbiddenConstructException("an entity reference", line(), column());
    }

    private int line() {
        return locator == null ? -1 : locator.getLineNumber();
    }

    private int column() {
        return locator == null ? -1 : locator.getColumnNumber();
    }
}
