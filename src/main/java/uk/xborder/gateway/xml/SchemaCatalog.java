package uk.xborder.gateway.xml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;
import uk.xborder.gateway.pipeline.MessageRejectedException;
import uk.xborder.gateway.pipeline.ReasonCode;

/**
 * The compiled public schemas, by format id. Each XSD is compiled once, from the classpath, by a hardened
 * {@link SchemaFactory}; {@link Schema} objects are immutable and shared, and each validation gets its own
 * hardened {@link Validator}. Thread-safe.
 *
 * <p>{@link #validate(Document, String)} reports up to {@value SchemaViolations#MAX_REPORTED} violations as one
 * {@link ReasonCode#SCHEMA_INVALID} rejection, each with its line and column (from {@link SafeXmlParser}), the
 * element name when the schema declares it, and the validator's rule with every quoted value removed. Values
 * longer than their field allows are refused before the validator runs ({@link ValueLengths}), so that no pattern
 * is ever matched against one.
 */
public final class SchemaCatalog {

    private static final String CURRENT_ELEMENT_NODE = "http://apache.org/xml/properties/dom/current-element-node";

    private final Map<String, CompiledSchema> schemasById;

    private SchemaCatalog(Map<String, CompiledSchema> schemasById) {
        this.schemasById = Collections.unmodifiableMap(schemasById);
    }

    /** Compiles every {@link PublicSchema}. */
    public static SchemaCatalog loadDefault() {
        Map<String, String> resources = new LinkedHashMap<>();
        for (PublicSchema schema : PublicSchema.values()) {
            resources.put(schema.id(), schema.resource());
        }
        return load(resources);
    }

    /** Compiles the given classpath XSD resources, keyed by format id. Fails fast on a missing or broken XSD. */
    public static SchemaCatalog load(Map<String, String> classpathResourcesById) {
        Map<String, XsdSource> sources = new LinkedHashMap<>();
        classpathResourcesById.forEach((id, resource) -> sources.put(id, XsdSource.fromClasspath(resource)));
        return compile(sources);
    }

    /** Compiles XSDs held in memory, keyed by format id; for schemas derived from the public ones. */
    static SchemaCatalog compile(Map<String, XsdSource> sourcesById) {
        SchemaFactory factory = hardenedSchemaFactory();
        SafeXmlParser parser = new SafeXmlParser();
        Map<String, CompiledSchema> compiled = new LinkedHashMap<>();
        sourcesById.forEach((id, source) -> compiled.put(id, compile(factory, parser, source)));
        return new SchemaCatalog(compiled);
    }

    public Set<String> formatIds() {
        return schemasById.keySet();
    }

    /** The compiled schema, for callers that validate while marshalling or unmarshalling. */
    public Schema schema(String formatId) {
        return compiled(formatId).schema();
    }

    /** The target namespace of the format's schema. */
    public String targetNamespace(String formatId) {
        return compiled(formatId).targetNamespace();
    }

    /**
     * Validates a document parsed by {@link SafeXmlParser} against the format's schema. A valid document's values
     * are then rewritten as the schema reads them (white space collapsed in token values, codes included), so that
     * what is bound afterwards is what was validated ({@link NormalisedValues}).
     *
     * @throws MessageRejectedException with {@code SCHEMA_INVALID} naming where and which rules were broken
     * @throws IllegalArgumentException for an unknown format id
     */
    public void validate(Document document, String formatId) {
        Objects.requireNonNull(document, "document");
        CompiledSchema compiled = compiled(formatId);
        Element root = document.getDocumentElement();
        if (root == null) {
            throw new MessageRejectedException(ReasonCode.SCHEMA_INVALID, "The message has no root element.");
        }
        if (!compiled.targetNamespace().equals(root.getNamespaceURI())) {
            // The actual namespace is not echoed: it is whatever the sender wrote.
            throw new MessageRejectedException(ReasonCode.SCHEMA_INVALID,
                    "The message does not satisfy schema " + formatId + ": the root element"
                            + SourcePosition.of(root).map(p -> " at " + p).orElse("")
                            + " is not in namespace " + compiled.targetNamespace() + ".");
        }
        Validator validator = hardenedValidator(compiled.schema());
        SchemaViolations violations = new SchemaViolations(compiled.declaredNames(),
                () -> currentElement(validator));
        // Lengths first: the validator would match a value against its type's patterns before its length facets.
        compiled.lengths().check(document, violations);
        if (!violations.any()) {
            validator.setErrorHandler(violations);
            try {
                validator.validate(new DOMSource(document));
            } catch (SchemaViolations.EnoughReported e) {
                // Stopped early on purpose: the sender has enough to fix.
            } catch (SAXException e) {
                violations.record(e);
            } catch (IOException e) {
                throw new UncheckedIOException("validating an in-memory document", e);
            }
        }
        if (violations.any()) {
            throw new MessageRejectedException(ReasonCode.SCHEMA_INVALID,
                    "The message does not satisfy schema " + formatId + ": " + violations.describe());
        }
        NormalisedValues.apply(compiled.schema(), document);
    }

    private CompiledSchema compiled(String formatId) {
        CompiledSchema compiled = schemasById.get(formatId);
        if (compiled == null) {
            throw new IllegalArgumentException("No schema for format id " + formatId);
        }
        return compiled;
    }

    private static Object currentElement(Validator validator) {
        try {
            return validator.getProperty(CURRENT_ELEMENT_NODE);
        } catch (SAXException e) {
            return null; // position is a courtesy; the violation is reported without it
        }
    }

    private static CompiledSchema compile(SchemaFactory factory, SafeXmlParser parser, XsdSource source) {
        try {
            Schema schema;
            try (InputStream in = new ByteArrayInputStream(source.xsd())) {
                schema = factory.newSchema(new StreamSource(in, source.systemId()));
            }
            Document xsdDocument = parser.parse(source.xsd());
            return new CompiledSchema(schema, xsdDocument.getDocumentElement().getAttribute("targetNamespace"),
                    SchemaDeclarations.namesDeclaredIn(xsdDocument), ValueLengths.declaredIn(xsdDocument));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read schema " + source.systemId(), e);
        } catch (SAXException | MessageRejectedException e) {
            throw new IllegalStateException("Schema " + source.systemId() + " does not compile: " + e.getMessage(), e);
        }
    }

    private static SchemaFactory hardenedSchemaFactory() {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            // The schemas are self-contained: no xs:import or xs:include may fetch anything.
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXException e) {
            throw new IllegalStateException("Schema factory does not support a required security setting", e);
        }
        return factory;
    }

    private static Validator hardenedValidator(Schema schema) {
        Validator validator = schema.newValidator();
        try {
            validator.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            // Ignore xsi:schemaLocation hints and anything else that would make validation fetch a resource.
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXException e) {
            throw new IllegalStateException("Validator does not support a required security setting", e);
        }
        return validator;
    }

    private record CompiledSchema(Schema schema, String targetNamespace, Set<String> declaredNames,
                                  ValueLengths lengths) {
    }

    /** An XSD's bytes and the system id its messages and relative references use. */
    record XsdSource(String systemId, byte[] xsd) {

        static XsdSource fromClasspath(String resource) {
            URL url = SchemaCatalog.class.getClassLoader().getResource(resource);
            if (url == null) {
                throw new IllegalStateException("Schema not on the classpath: " + resource);
            }
            try (InputStream in = url.openStream()) {
                return new XsdSource(url.toExternalForm(), in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read schema " + resource, e);
            }
        }
    }
}
