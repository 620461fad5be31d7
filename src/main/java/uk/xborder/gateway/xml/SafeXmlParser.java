package uk.xborder.gateway.xml;

import java.io.ByteArrayInputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.util.Objects;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import uk.xborder.gateway.pipeline.MessageRejectedException;
import uk.xborder.gateway.pipeline.ReasonCode;

/**
 * Turns untrusted bytes into a namespace-aware DOM {@link Document}, refusing everything that lets a document reach
 * outside itself or grow beyond its size.
 *
 * <ul>
 *   <li>Any DOCTYPE is refused ({@code disallow-doctype-decl}), which rules out internal and external entities,
 *       entity expansion ("billion laughs") and external DTDs in one step; external general and parameter
 *       entities, external DTD loading and XInclude are switched off as well, and {@code ACCESS_EXTERNAL_DTD} and
 *       {@code ACCESS_EXTERNAL_SCHEMA} allow no protocol, in case one of those defences is ever weakened.
 *   <li>An {@code xi:include} element is refused too: it is an external reference even though it is never
 *       processed, and a sender using one is attempting something.
 *   <li>Every element remembers where its start tag ended ({@link SourcePosition}), so a later schema error can
 *       name a line and column.
 * </ul>
 *
 * <p>Refusals are {@link MessageRejectedException}s: {@link ReasonCode#XML_DOCTYPE_FORBIDDEN} for a DOCTYPE, entity
 * or external reference; {@link ReasonCode#MALFORMED_XML} with line and column for bytes that are not well-formed
 * XML (names that are not qualified names included, such as {@code :mlns}); {@link ReasonCode#SCHEMA_INVALID} for
 * well-formed XML that no gateway format could be, nested deeper than {@value #MAX_ELEMENT_DEPTH} levels or with
 * more than {@value #MAX_ATTRIBUTES_PER_ELEMENT} attributes on an element. Explanations never quote the message: the parser's own wording is kept with its quoted parts removed, and
 * a failure the parser cannot place is told by its kind alone.
 *
 * <p>Comments and processing instructions are dropped: no gateway format gives them meaning. Thread-safe.
 */
public final class SafeXmlParser {

    /** Deeper than any gateway format (the deepest nests about five levels); guards DOM walkers against abuse. */
    static final int MAX_ELEMENT_DEPTH = 64;

    /**
     * Far more than any gateway format gives one element (at most two attributes, plus a few namespace
     * declarations); bounds the cost of building the DOM, whose attribute lookups are linear.
     */
    static final int MAX_ATTRIBUTES_PER_ELEMENT = 64;

    private static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";
    private static final String EXTERNAL_GENERAL_ENTITIES = "http://xml.org/sax/features/external-general-entities";
    private static final String EXTERNAL_PARAMETER_ENTITIES =
            "http://xml.org/sax/features/external-parameter-entities";
    private static final String LOAD_EXTERNAL_DTD = "http://apache.org/xml/features/nonvalidating/load-external-dtd";

    private final SAXParserFactory saxFactory;

    public SafeXmlParser() {
        this.saxFactory = hardenedSaxFactory();
    }

    /**
     * Parses the bytes (encoding from the XML declaration or byte-order mark, UTF-8 by default).
     *
     * @throws MessageRejectedException with {@code XML_DOCTYPE_FORBIDDEN} or {@code MALFORMED_XML}
     */
    public Document parse(byte[] xml) {
        Objects.requireNonNull(xml, "xml");
        if (xml.length == 0) {
            throw new MessageRejectedException(ReasonCode.MALFORMED_XML, "The message is empty; an XML document was expected.");
        }
        Document document = EmptyDocuments.create();
        try {
            XMLReader reader = newReader();
            DomBuilder builder = new DomBuilder(document, MAX_ELEMENT_DEPTH, MAX_ATTRIBUTES_PER_ELEMENT);
            reader.setContentHandler(builder);
            reader.setErrorHandler(StopAtFirstError.INSTANCE);
            // Never reached while DOCTYPEs are refused; if that ever changes, resolving still fails closed.
            reader.setEntityResolver((publicId, systemId) -> {
                throw new ForbiddenConstructException("an external entity or DTD reference", -1, -1);
            });
            reader.parse(new InputSource(new ByteArrayInputStream(xml)));
            return document;
        } catch (ForbiddenConstructException e) {
            throw new MessageRejectedException(ReasonCode.XML_DOCTYPE_FORBIDDEN, e.explanation());
        } catch (BeyondEveryFormatException e) {
            throw new MessageRejectedException(ReasonCode.SCHEMA_INVALID, e.explanation());
        } catch (SAXParseException e) {
            throw classify(e);
        } catch (SAXException | IOException e) {
            throw new MessageRejectedException(ReasonCode.MALFORMED_XML,
                    "The message is not well-formed XML: " + withoutPosition(e) + ".");
        }
    }

    /**
     * What went wrong when the parser cannot say where. Told by the kind of failure only, never by its message:
     * such a message can be the sender's own text, unquoted (the message of an unsupported encoding is the name
     * the sender wrote in the XML declaration), which no redaction can tell from the parser's words.
     */
    private static String withoutPosition(Exception e) {
        if (e instanceof UnsupportedEncodingException) {
            return "its XML declaration names an encoding the gateway does not read (use UTF-8)";
        }
        if (e instanceof CharConversionException) {
            return "its bytes are not valid in the encoding it declares";
        }
        return e instanceof IOException ? "its bytes could not be read" : "the parser stopped without saying where";
    }

    private static MessageRejectedException classify(SAXParseException e) {
        String where = position(e);
        String message = String.valueOf(e.getMessage());
        // The JDK parser's message for a refused DOCTYPE names the feature URI, in every locale it ships.
        if (message.contains(DISALLOW_DOCTYPE)) {
            return new MessageRejectedException(ReasonCode.XML_DOCTYPE_FORBIDDEN,
                    "The message contains a DOCTYPE declaration" + where
                            + "; DOCTYPEs, entity declarations and external references are never processed.");
        }
        return new MessageRejectedException(ReasonCode.MALFORMED_XML,
                "The message is not well-formed XML" + where + ": " + ExplanationRedactor.redact(message));
    }

    private static String position(SAXParseException e) {
        return e.getLineNumber() > 0 ? " at line " + e.getLineNumber() + ", column " + e.getColumnNumber() : "";
    }

    private XMLReader newReader() throws SAXException {
        SAXParser parser;
        try {
            parser = saxFactory.newSAXParser();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser cannot be configured safely", e);
        }
        parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return parser.getXMLReader();
    }

    private static SAXParserFactory hardenedSaxFactory() {
        SAXParserFactory factory = SAXParserFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setValidating(false);
        factory.setXIncludeAware(false);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature(DISALLOW_DOCTYPE, true);
            factory.setFeature(EXTERNAL_GENERAL_ENTITIES, false);
            factory.setFeature(EXTERNAL_PARAMETER_ENTITIES, false);
            factory.setFeature(LOAD_EXTERNAL_DTD, false);
        } catch (ParserConfigurationException | SAXException e) {
            // Refuse to run with a parser that cannot be hardened rather than parse unsafely.
            throw new IllegalStateException("XML parser does not support a required security feature", e);
        }
        return factory;
    }
}
