package uk.xborder.gateway.xml;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import javax.xml.XMLConstants;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.w3c.dom.Text;

/**
 * The longest value each field of a schema may hold, read from the schema, and the check that refuses a longer one
 * before the validator sees it.
 *
 * <p>Why: the JDK's validator checks a type's patterns before its length facets, and a pattern can cost more than
 * the length of the value (an unbounded repetition costs the square of it in that validator's engine). A value of
 * megabytes in a field that holds 200 characters would be matched in full before it is refused for its length.
 * The schemas' patterns are written to run in bounded time; this check keeps that from being the only defence.
 *
 * <p>The check is never stricter than the schema for a field with a limit: it counts only characters that are not
 * white space (white space is all that normalisation removes), and a name declared more than once gets the largest
 * of its limits. Limits come from {@code length} and {@code maxLength} facets (octets converted to base64
 * characters for binary types), the longest enumerated value, the longest string a pattern matches
 * ({@link PatternLengths}), a base type's limit or the members of a union. A field whose type has no limit (a
 * number), an element of element-only content and any name the schema does not declare may hold no more than the
 * longest field of the schema: the one value this refuses that the validator alone would accept is a number padded
 * with thousands of leading zeros. Immutable and thread-safe.
 */
final class ValueLengths {

    private static final String XS = XMLConstants.W3C_XML_SCHEMA_NS_URI;
    private static final int UNBOUNDED = PatternLengths.UNBOUNDED;

    private final Map<String, Integer> elementLimits;
    private final Map<String, Integer> attributeLimits;
    private final int otherwise;

    private ValueLengths(Map<String, Integer> elementLimits, Map<String, Integer> attributeLimits, int otherwise) {
        this.elementLimits = Map.copyOf(elementLimits);
        this.attributeLimits = Map.copyOf(attributeLimits);
        this.otherwise = otherwise;
    }

    static ValueLengths declaredIn(Document xsd) {
        return new Reader(xsd).read();
    }

    /** The limit for an element's own text, in characters other than white space. */
    OptionalInt elementLimit(String localName) {
        return limit(elementLimits.get(localName));
    }

    /** The limit for an attribute's value, in characters other than white space. */
    OptionalInt attributeLimit(String localName) {
        return limit(attributeLimits.get(localName));
    }

    /** Records each value longer than its field allows, until the violations have enough. */
    void check(Document document, SchemaViolations violations) {
        Element root = document.getDocumentElement();
        if (root != null) {
            check(root, violations);
        }
    }

    private void check(Element element, SchemaViolations violations) {
        if (violations.full()) {
            return;
        }
        OptionalInt textLimit = elementLimit(element.getLocalName());
        if (textLimit.isPresent() && exceeds(element, textLimit.getAsInt())) {
            violations.record(element, tooLong(textLimit.getAsInt()));
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
            OptionalInt limit = attributeLimit(name);
            if (limit.isPresent() && nonBlankLength(attribute.getValue(), limit.getAsInt()) > limit.getAsInt()) {
                violations.record(element, (attributeLimits.containsKey(name) ? "attribute " + name : "an attribute")
                        + ": " + tooLong(limit.getAsInt()));
            }
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element nested) {
                check(nested, violations);
            }
        }
    }

    private static String tooLong(int limit) {
        return "the value is longer than this field allows (at most " + limit
                + " characters other than white space); lengths are checked before anything else";
    }

    private OptionalInt limit(Integer declared) {
        int limit = declared == null ? otherwise : declared == UNBOUNDED ? otherwise : declared;
        return limit == UNBOUNDED ? OptionalInt.empty() : OptionalInt.of(limit);
    }

    private static boolean exceeds(Element element, int limit) {
        int counted = 0;
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Text text) {
                counted += nonBlankLength(text.getData(), limit - counted);
                if (counted > limit) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Characters other than XML white space, counting no further than one past the limit. */
    private static int nonBlankLength(String value, int limit) {
        int counted = 0;
        for (int i = 0; i < value.length() && counted <= limit; i++) {
            char c = value.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                counted++;
            }
        }
        return counted;
    }

    /** Works the limits out from the schema document; one use. */
    private static final class Reader {

        private final Document xsd;
        private final Map<String, Element> simpleTypes = new HashMap<>();
        private final Map<String, Element> complexTypes = new HashMap<>();
        private final Set<String> resolving = new HashSet<>();

        Reader(Document xsd) {
            this.xsd = xsd;
            for (Element type : all("simpleType")) {
                if (type.hasAttribute("name")) {
                    simpleTypes.put(type.getAttribute("name"), type);
                }
            }
            for (Element type : all("complexType")) {
                if (type.hasAttribute("name")) {
                    complexTypes.put(type.getAttribute("name"), type);
                }
            }
        }

        ValueLengths read() {
            Map<String, Integer> elements = new HashMap<>();
            Map<String, Integer> attributes = new HashMap<>();
            for (Element declaration : all("element")) {
                if (declaration.hasAttribute("name")) {
                    elements.merge(declaration.getAttribute("name"), elementLimit(declaration), Math::max);
                }
            }
            for (Element declaration : all("attribute")) {
                if (declaration.hasAttribute("name")) {
                    attributes.merge(declaration.getAttribute("name"), valueLimit(declaration), Math::max);
                }
            }
            int longest = 0;
            boolean anyLimit = false;
            for (Element type : all("simpleType")) {
                int limit = simpleTypeLimit(type);
                if (limit != UNBOUNDED) {
                    longest = Math.max(longest, limit);
                    anyLimit = true;
                }
            }
            return new ValueLengths(elements, attributes, anyLimit ? longest : UNBOUNDED);
        }

        private int elementLimit(Element declaration) {
            if (declaration.hasAttribute("type")) {
                String type = declaration.getAttribute("type");
                if (isBuiltIn(declaration, type)) {
                    return UNBOUNDED;
                }
                Element complex = complexTypes.get(localPart(type));
                return complex != null ? complexTypeLimit(complex) : namedTypeLimit(declaration, type);
            }
            Element inlineComplex = child(declaration, "complexType");
            if (inlineComplex != null) {
                return complexTypeLimit(inlineComplex);
            }
            Element inlineSimple = child(declaration, "simpleType");
            return inlineSimple != null ? simpleTypeLimit(inlineSimple) : UNBOUNDED;
        }

        private int valueLimit(Element declaration) {
            if (declaration.hasAttribute("type")) {
                return namedTypeLimit(declaration, declaration.getAttribute("type"));
            }
            Element inlineSimple = child(declaration, "simpleType");
            return inlineSimple != null ? simpleTypeLimit(inlineSimple) : UNBOUNDED;
        }

        /**
         * Simple content takes its base's limit. Element-only content gets the schema's longest: any text there is
         * invalid, and the validator says so in its own words when the text is short.
         */
        private int complexTypeLimit(Element complexType) {
            Element simpleContent = child(complexType, "simpleContent");
            if (simpleContent == null) {
                return UNBOUNDED;
            }
            for (Node node = simpleContent.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node instanceof Element derivation && derivation.hasAttribute("base")) {
                    String base = derivation.getAttribute("base");
                    Element complexBase = complexTypes.get(localPart(base));
                    return complexBase != null && !isBuiltIn(derivation, base)
                            ? complexTypeLimit(complexBase) : namedTypeLimit(derivation, base);
                }
            }
            return UNBOUNDED;
        }

        private int namedTypeLimit(Element context, String qualifiedName) {
            if (isBuiltIn(context, qualifiedName)) {
                return UNBOUNDED;
            }
            String name = localPart(qualifiedName);
            Element type = simpleTypes.get(name);
            if (type == null || !resolving.add(name)) {
                return UNBOUNDED;
            }
            try {
                return simpleTypeLimit(type);
            } finally {
                resolving.remove(name);
            }
        }

        private int simpleTypeLimit(Element simpleType) {
            Element restriction = child(simpleType, "restriction");
            if (restriction != null) {
                return restrictionLimit(restriction);
            }
            Element union = child(simpleType, "union");
            if (union != null) {
                int longest = 0;
                for (String member : union.getAttribute("memberTypes").trim().split("\\s+")) {
                    if (!member.isEmpty()) {
                        longest = Math.max(longest, namedTypeLimit(union, member));
                    }
                }
                for (Node node = union.getFirstChild(); node != null; node = node.getNextSibling()) {
                    if (node instanceof Element member && isXs(member, "simpleType")) {
                        longest = Math.max(longest, simpleTypeLimit(member));
                    }
                }
                return longest;
            }
            return UNBOUNDED; // a list: its items could each be long
        }

        private int restrictionLimit(Element restriction) {
            String base = restriction.getAttribute("base");
            boolean binary = isBinary(restriction, base);
            int limit = restriction.hasAttribute("base") ? namedTypeLimit(restriction, base)
                    : inlineBaseLimit(restriction);
            // A value must match one of a restriction's patterns and be one of its enumerations: the longest of
            // each bounds it.
            int longestEnumerated = -1;
            int longestMatched = -1;
            for (Node node = restriction.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (!(node instanceof Element facet) || !XS.equals(facet.getNamespaceURI())) {
                    continue;
                }
                String value = facet.getAttribute("value");
                switch (facet.getLocalName()) {
                    case "length", "maxLength" -> limit = Math.min(limit, characters(Integer.parseInt(value.trim()),
                            binary));
                    case "enumeration" -> longestEnumerated = Math.max(longestEnumerated,
                            nonBlankLength(value, UNBOUNDED - 1));
                    case "pattern" -> longestMatched = Math.max(longestMatched, PatternLengths.longest(value));
                    default -> {
                        // ranges, digits and white-space rules do not bound a length
                    }
                }
            }
            if (longestEnumerated >= 0) {
                limit = Math.min(limit, longestEnumerated);
            }
            return longestMatched >= 0 ? Math.min(limit, longestMatched) : limit;
        }

        private int inlineBaseLimit(Element restriction) {
            Element inline = child(restriction, "simpleType");
            return inline == null ? UNBOUNDED : simpleTypeLimit(inline);
        }

        /** Length facets of binary types count octets; base64 needs four characters for every three. */
        private static int characters(int length, boolean binary) {
            if (!binary) {
                return length;
            }
            long base64 = 4L * ((length + 2L) / 3L);
            return base64 >= UNBOUNDED ? UNBOUNDED - 1 : (int) base64;
        }

        /** Whether the type derives from a binary built-in, whose length facets count octets. */
        private boolean isBinary(Element context, String qualifiedName) {
            Element where = context;
            String name = qualifiedName;
            for (int depth = 0; depth < simpleTypes.size() + 1 && !name.isEmpty(); depth++) {
                if (isBuiltIn(where, name)) {
                    return localPart(name).equals("base64Binary") || localPart(name).equals("hexBinary");
                }
                Element type = simpleTypes.get(localPart(name));
                Element restriction = type == null ? null : child(type, "restriction");
                if (restriction == null) {
                    return false;
                }
                where = restriction;
                name = restriction.getAttribute("base");
            }
            return false;
        }

        private static boolean isBuiltIn(Element context, String qualifiedName) {
            int colon = qualifiedName.indexOf(':');
            return XS.equals(context.lookupNamespaceURI(colon < 0 ? null : qualifiedName.substring(0, colon)));
        }

        private static String localPart(String qualifiedName) {
            return qualifiedName.substring(qualifiedName.indexOf(':') + 1);
        }

        private Iterable<Element> all(String localName) {
            NodeList nodes = xsd.getElementsByTagNameNS(XS, localName);
            java.util.List<Element> elements = new java.util.ArrayList<>(nodes.getLength());
            for (int i = 0; i < nodes.getLength(); i++) {
                elements.add((Element) nodes.item(i));
            }
            return elements;
        }

        private static Element child(Element parent, String localName) {
            for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node instanceof Element element && isXs(element, localName)) {
                    return element;
                }
            }
            return null;
        }

        private static boolean isXs(Element element, String localName) {
            return XS.equals(element.getNamespaceURI()) && localName.equals(element.getLocalName());
        }
    }
}
