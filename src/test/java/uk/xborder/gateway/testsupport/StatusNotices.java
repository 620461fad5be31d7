package uk.xborder.gateway.testsupport;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.SchemaFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Reads a status notice as an agency would: validated against the public XSD, then by element names. */
public final class StatusNotices {

    private StatusNotices() {
    }

    /** One recipient line of a notice. */
    public record RecipientLine(String outcome, String reasonCode, String explanation) {
    }

    /** A parsed status notice. */
    public record Notice(String messageId, String jmsMessageId, String exchangeId, String outcome, String reasonCode,
                         String explanation, Map<String, RecipientLine> recipients) {

        public RecipientLine recipient(String partyId) {
            RecipientLine line = recipients.get(partyId);
            if (line == null) {
                throw new AssertionError("the notice has no line for " + partyId + ": " + recipients.keySet());
            }
            return line;
        }
    }

    public static Notice parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(RunningGateway.projectDirectory().resolve("schemas/status-notice.xsd").toFile())
                .newValidator().validate(new DOMSource(document));
        Element root = document.getDocumentElement();
        Map<String, RecipientLine> recipients = new LinkedHashMap<>();
        NodeList lines = root.getElementsByTagNameNS("*", "Recipient");
        for (int i = 0; i < lines.getLength(); i++) {
            Element line = (Element) lines.item(i);
            recipients.put(child(line, "PartyId"),
                    new RecipientLine(child(line, "Outcome"), child(line, "ReasonCode"), child(line, "Explanation")));
        }
        return new Notice(child(root, "MessageId"), child(root, "JmsMessageId"), child(root, "ExchangeId"),
                child(root, "Outcome"), child(root, "ReasonCode"), child(root, "Explanation"), recipients);
    }

    /** Text of a direct child element, or null. */
    private static String child(Element parent, String localName) {
        for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                return e.getTextContent();
            }
        }
        return null;
    }
}
