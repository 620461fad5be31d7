package uk.xborder.gateway.testsupport;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import uk.xborder.gateway.testsupport.HostileInputs.FieldValues;
import uk.xborder.gateway.testsupport.HostileInputs.Seed;

/**
 * Mutations of valid documents that keep them well-formed, for the steps after the parser: the schema, the
 * binding and the translators. A field gets an edge value or another field's value (a code of another format, a
 * date at the end of the calendar, a length just over a limit), an element is removed, repeated, moved, renamed,
 * emptied or spliced in from another format, an attribute is added ({@code xsi:type}, {@code xsi:nil}, foreign
 * ones), text becomes CDATA, comments and processing instructions appear between elements, and the default
 * namespace is written as a prefix. One or two mutations a case, so that many cases still pass the schema and reach
 * the translator. Not thread-safe.
 */
public final class DocumentReshaping {

    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    private final List<Document> bases = new ArrayList<>();
    private final List<String> baseNames = new ArrayList<>();
    private final List<Document> donors = new ArrayList<>();
    private final FieldValues values = FieldValues.get();
    private final Transformer serializer;

    private DocumentReshaping(List<Seed> baseSeeds, List<Seed> donorSeeds) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            TransformerFactory transformers = TransformerFactory.newInstance();
            transformers.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            transformers.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            serializer = transformers.newTransformer();
            serializer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            for (Seed seed : baseSeeds) {
                bases.add(builder.parse(new ByteArrayInputStream(seed.bytes())));
                baseNames.add(seed.name());
            }
            for (Seed seed : donorSeeds) {
                donors.add(builder.parse(new ByteArrayInputStream(seed.bytes())));
            }
        } catch (Exception e) {
            throw new IllegalStateException("example documents do not parse", e);
        }
    }

    /** Reshaped copies of the base documents, with elements to splice in from the donors. */
    public static Function<SplittableRandom, HostileInput> of(List<Seed> bases, List<Seed> donors) {
        DocumentReshaping reshaping = new DocumentReshaping(bases, donors);
        return reshaping::reshaped;
    }

    private HostileInput reshaped(SplittableRandom random) {
        int base = random.nextInt(bases.size());
        for (int attempt = 0; ; attempt++) {
            Document document = (Document) bases.get(base).cloneNode(true);
            List<String> recipe = new ArrayList<>();
            int mutations = random.nextInt(10) < 7 ? 1 : 2;
            for (int i = 0; i < mutations; i++) {
                recipe.add(mutate(document, random));
            }
            byte[] bytes = serialize(document);
            if (bytes != null || attempt == 5) {
                return new HostileInput(baseNames.get(base) + ": " + String.join(", then ", recipe),
                        bytes != null ? bytes : serialize(bases.get(base)));
            }
            // the serializer refused what the mutation made (a character XML cannot write): try another
        }
    }

    private String mutate(Document document, SplittableRandom random) {
        List<Element> elements = elements(document);
        Element target = HostileInputs.pick(random, elements);
        boolean isRoot = target == document.getDocumentElement();
        String name = target.getLocalName();
        switch (random.nextInt(16)) {
            case 0, 1, 2, 3 -> {
                Element leaf = HostileInputs.pick(random, leaves(elements));
                String value = switch (random.nextInt(4)) {
                    case 0 -> values.any(random);
                    case 1 -> values.plausible(random);
                    default -> values.like(leaf.getTextContent(), random);
                };
                leaf.setTextContent(value);
                return leaf.getLocalName() + " set to " + HostileInputs.quoted(value);
            }
            case 4 -> {
                if (isRoot) {
                    target.setTextContent("");
                    return "root emptied";
                }
                target.getParentNode().removeChild(target);
                return name + " removed";
            }
            case 5 -> {
                if (isRoot) {
                    return "nothing repeated";
                }
                int copies = HostileInputs.pick(random, List.of(1, 1, 2, 50, 1_000));
                for (int i = 0; i < copies; i++) {
                    target.getParentNode().insertBefore(target.cloneNode(true), target.getNextSibling());
                }
                return name + " repeated " + copies + " time(s)";
            }
            case 6 -> {
                Element other = HostileInputs.pick(random, elements);
                if (isRoot || other == document.getDocumentElement() || other.getParentNode() != target.getParentNode()) {
                    target.appendChild(document.createTextNode(" "));
                    return name + " given a trailing space";
                }
                Node parent = target.getParentNode();
                Node mark = target.getNextSibling();
                parent.insertBefore(target, other);
                parent.insertBefore(other, mark);
                return name + " swapped with " + other.getLocalName();
            }
            case 7 -> {
                Element donor = HostileInputs.pick(random, elements(HostileInputs.pick(random, donors)));
                Element spliced = (Element) document.importNode(donor, true);
                boolean ours = random.nextBoolean();
                if (ours) {
                    spliced = inNamespace(document, spliced, document.getDocumentElement().getNamespaceURI());
                }
                Element parent = HostileInputs.pick(random, elements);
                parent.insertBefore(spliced, random.nextBoolean() ? parent.getFirstChild() : null);
                return "another format's " + donor.getLocalName() + (ours ? " in this namespace" : "")
                        + " spliced into " + parent.getLocalName();
            }
            case 8 -> {
                String other = HostileInputs.pick(random, elements).getLocalName();
                if (isRoot) {
                    return "root kept its name";
                }
                document.renameNode(target, target.getNamespaceURI(), other);
                return name + " renamed " + other;
            }
            case 9 -> {
                String attribute = addAttribute(target, random);
                return "attribute " + attribute + " on " + name;
            }
            case 10 -> {
                Element leaf = HostileInputs.pick(random, leaves(elements));
                String text = leaf.getTextContent();
                leaf.setTextContent("");
                leaf.appendChild(document.createCDATASection(text));
                return leaf.getLocalName() + " as CDATA";
            }
            case 11 -> {
                Node between = random.nextBoolean() ? document.createComment(" note ")
                        : document.createProcessingInstruction("pi", "data");
                Element parent = HostileInputs.pick(random, elements);
                parent.insertBefore(between, parent.getFirstChild());
                return (between.getNodeType() == Node.COMMENT_NODE ? "comment" : "processing instruction")
                        + " in " + parent.getLocalName();
            }
            case 12 -> {
                List<Element> leaves = leaves(elements);
                Element from = HostileInputs.pick(random, leaves);
                Element to = HostileInputs.pick(random, leaves);
                to.setTextContent(from.getTextContent());
                return to.getLocalName() + " given the value of " + from.getLocalName();
            }
            case 13 -> {
                Element leaf = HostileInputs.pick(random, leaves(elements));
                String padded = HostileInputs.pick(random, List.of(" ", "\n\t", "\u00A0", "  \r\n"));
                leaf.setTextContent(padded + leaf.getTextContent() + padded);
                return leaf.getLocalName() + " padded with white space";
            }
            case 14 -> {
                if (isRoot) {
                    return "root kept its children";
                }
                while (target.getFirstChild() != null) {
                    target.removeChild(target.getFirstChild());
                }
                return name + " emptied";
            }
            default -> {
                String prefix = HostileInputs.pick(random, List.of("p", "ns0", "xsi", "xs"));
                String namespace = document.getDocumentElement().getNamespaceURI();
                for (Element element : elements) {
                    if (namespace != null && namespace.equals(element.getNamespaceURI())) {
                        element.setPrefix(prefix);
                    }
                }
                return "namespace written with prefix " + prefix;
            }
        }
    }

    private static String addAttribute(Element target, SplittableRandom random) {
        switch (random.nextInt(7)) {
            case 0 -> {
                String type = HostileInputs.pick(random, List.of("xs:string", "xs:anyType", "xs:int", "Timestamp"));
                target.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:xs",
                        XMLConstants.W3C_XML_SCHEMA_NS_URI);
                target.setAttributeNS(XSI, "xsi:type", type);
                return "xsi:type=" + type;
            }
            case 1 -> {
                target.setAttributeNS(XSI, "xsi:nil", "true");
                return "xsi:nil=true";
            }
            case 2 -> {
                target.setAttributeNS(XMLConstants.XML_NS_URI, "xml:lang", "en");
                return "xml:lang";
            }
            case 3 -> {
                target.setAttributeNS("urn:foreign", "f:mark", "1");
                return "f:mark in a foreign namespace";
            }
            case 4 -> {
                target.setAttributeNS(target.getNamespaceURI(), "q:mark", "1");
                return "q:mark in the document's namespace";
            }
            case 5 -> {
                target.setAttribute("system", "");
                return "system=\"\"";
            }
            default -> {
                target.setAttribute("bogus", "1");
                return "bogus=1";
            }
        }
    }

    /** The element and its subtree, moved into the namespace (as a new tree: DOM renames one node at a time). */
    private static Element inNamespace(Document document, Element element, String namespace) {
        Element copy = document.createElementNS(namespace, element.getLocalName());
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            copy.appendChild(child instanceof Element e ? inNamespace(document, e, namespace) : child.cloneNode(true));
        }
        return copy;
    }

    private static List<Element> elements(Document document) {
        NodeList all = document.getElementsByTagNameNS("*", "*");
        List<Element> elements = new ArrayList<>(all.getLength());
        for (int i = 0; i < all.getLength(); i++) {
            elements.add((Element) all.item(i));
        }
        return elements;
    }

    private static List<Element> leaves(List<Element> elements) {
        List<Element> leaves = new ArrayList<>();
        for (Element element : elements) {
            if (element.getElementsByTagNameNS("*", "*").getLength() == 0) {
                leaves.add(element);
            }
        }
        return leaves.isEmpty() ? elements : leaves;
    }

    private byte[] serialize(Document document) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            serializer.transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (Exception e) {
            return null;
        }
    }
}
