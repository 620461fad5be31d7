package uk.xborder.gateway.xml;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.xml.XMLConstants;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Reads a public schema the way an attacker would look at it: every field that holds a simple value (an element of
 * a simple type or with simple content, an attribute), with the type it is declared with, and every pattern.
 *
 * <p>{@link #withProbes()} is the same schema with one global element per field, {@code CostProbe<n>} of exactly
 * that field's type, so that a test can hand each field a value of its choice through the ordinary
 * {@link SchemaCatalog} path without needing a valid message around it.
 */
final class SchemaFields {

    private static final String XS = XMLConstants.W3C_XML_SCHEMA_NS_URI;

    /** A field: where it is declared (for messages), and the declaration whose type a probe copies. */
    record Field(String description, Element declaration) {
        @Override
        public String toString() {
            return description;
        }
    }

    private final PublicSchema schema;
    private final Document xsd;
    private final List<Field> fields = new ArrayList<>();

    SchemaFields(PublicSchema schema) {
        this.schema = schema;
        this.xsd = new SafeXmlParser().parse(SchemaCatalog.XsdSource.fromClasspath(schema.resource()).xsd());
        collect();
    }

    static List<SchemaFields> ofEveryPublicSchema() {
        List<SchemaFields> all = new ArrayList<>();
        for (PublicSchema schema : PublicSchema.values()) {
            all.add(new SchemaFields(schema));
        }
        return all;
    }

    PublicSchema schema() {
        return schema;
    }

    String targetNamespace() {
        return xsd.getDocumentElement().getAttribute("targetNamespace");
    }

    List<Field> fields() {
        return List.copyOf(fields);
    }

    /** Every distinct xs:pattern value in the schema. */
    Set<String> patterns() {
        Set<String> patterns = new LinkedHashSet<>();
        for (Element pattern : all("pattern")) {
            patterns.add(pattern.getAttribute("value"));
        }
        return patterns;
    }

    /** The named simple types, by name. */
    Map<String, Element> simpleTypes() {
        Map<String, Element> types = new TreeMap<>();
        for (Element type : all("simpleType")) {
            if (type.hasAttribute("name")) {
                types.put(type.getAttribute("name"), type);
            }
        }
        return types;
    }

    /** Name of the probe element for the field at this index of {@link #fields()}. */
    static String probeName(int index) {
        return "CostProbe" + index;
    }

    /** The schema with a global {@code CostProbe<n>} element of the type of field n appended, as an XSD. */
    SchemaCatalog.XsdSource withProbes() {
        Document copy = (Document) xsd.cloneNode(true);
        Element root = copy.getDocumentElement();
        for (int i = 0; i < fields.size(); i++) {
            Element declaration = fields.get(i).declaration();
            Element probe = copy.createElementNS(XS, root.getPrefix() == null ? "element" : root.getPrefix() + ":element");
            probe.setAttribute("name", probeName(i));
            if (declaration.hasAttribute("type")) {
                probe.setAttribute("type", declaration.getAttribute("type"));
            } else {
                probe.appendChild(copy.importNode(child(declaration, "simpleType"), true));
            }
            root.appendChild(probe);
        }
        return new SchemaCatalog.XsdSource("probe:" + schema.resource(), serialise(copy));
    }

    private void collect() {
        Set<String> complexWithSimpleContent = new LinkedHashSet<>();
        for (Element type : all("complexType")) {
            if (type.hasAttribute("name") && child(type, "simpleContent") != null) {
                complexWithSimpleContent.add(type.getAttribute("name"));
            }
        }
        Set<String> simple = simpleTypes().keySet();
        for (Element element : all("element")) {
            if (!element.hasAttribute("name")) {
                continue;
            }
            String type = element.getAttribute("type");
            boolean simpleValued = element.hasAttribute("type")
                    ? isBuiltIn(element, type) || simple.contains(localPart(type))
                            || complexWithSimpleContent.contains(localPart(type))
                    : child(element, "simpleType") != null;
            if (simpleValued) {
                fields.add(new Field(describe(element), element));
            }
        }
        for (Element attribute : all("attribute")) {
            if (attribute.hasAttribute("name")) {
                fields.add(new Field(describe(attribute), attribute));
            }
        }
    }

    private String describe(Element declaration) {
        String kind = declaration.getLocalName().equals("attribute") ? "@" : "";
        String type = declaration.hasAttribute("type") ? localPart(declaration.getAttribute("type")) : "inline type";
        return schema.id() + " " + enclosingName(declaration) + "/" + kind + declaration.getAttribute("name")
                + " (" + type + ")";
    }

    /** The nearest named ancestor (element or type), so that two fields of the same name can be told apart. */
    private static String enclosingName(Element declaration) {
        for (Node node = declaration.getParentNode(); node instanceof Element parent; node = parent.getParentNode()) {
            if (parent.hasAttribute("name")) {
                return parent.getAttribute("name");
            }
        }
        return "";
    }

    private static boolean isBuiltIn(Element context, String qualifiedName) {
        int colon = qualifiedName.indexOf(':');
        String prefix = colon < 0 ? null : qualifiedName.substring(0, colon);
        return XS.equals(context.lookupNamespaceURI(prefix));
    }

    private static String localPart(String qualifiedName) {
        return qualifiedName.substring(qualifiedName.indexOf(':') + 1);
    }

    private List<Element> all(String localName) {
        NodeList nodes = xsd.getElementsByTagNameNS(XS, localName);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    private static Element child(Element parent, String localName) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && XS.equals(element.getNamespaceURI())
                    && localName.equals(element.getLocalName())) {
                return element;
            }
        }
        return null;
    }

    private static byte[] serialise(Document document) {
        try {
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (javax.xml.transform.TransformerException e) {
            throw new IllegalStateException("cannot serialise a schema", e);
        }
    }
}
