package uk.xborder.gateway.xml;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.Unmarshaller;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import uk.xborder.gateway.pipeline.MessageRejectedException;
import uk.xborder.gateway.pipeline.ReasonCode;

/**
 * Binds the generated schema types to and from XML. One {@link JAXBContext} per package is created on first use and
 * cached (creating one is expensive; using one is thread-safe); marshallers and unmarshallers are made per call
 * because they are not.
 *
 * <p>Unmarshalling reads an already parsed, already validated DOM: it never sees untrusted bytes. A value the schema
 * allows but its Java type cannot hold is the sender's to fix ({@code INVALID_VALUE}); any other binding problem is
 * a programming error, reported as {@link IllegalArgumentException} rather than silently skipped as JAXB does by
 * default.
 */
public final class JaxbCodec {

    private static final ConcurrentMap<Package, JAXBContext> CONTEXTS = new ConcurrentHashMap<>();

    private JaxbCodec() {
    }

    /**
     * Binds a DOM node (a validated document or its root element) to the given generated type.
     *
     * @throws MessageRejectedException {@code INVALID_VALUE} naming the field (never quoting the value) whose
     *                                  schema-valid value its Java type cannot hold
     */
    public static <T> T unmarshal(Node node, Class<T> type) {
        Objects.requireNonNull(node, "node");
        Node root = node instanceof Document d ? d.getDocumentElement() : node;
        try {
            Unmarshaller unmarshaller = context(type).createUnmarshaller();
            unmarshaller.setEventHandler(event -> false); // fail on anything JAXB would otherwise skip
            return unmarshaller.unmarshal(root, type).getValue();
        } catch (JAXBException e) {
            Optional<UnrepresentableValueException> unrepresentable = unrepresentable(e);
            if (unrepresentable.isPresent()) {
                // Not chained: the binding exceptions around it quote the value.
                throw invalidValue(root, unrepresentable.get());
            }
            throw new IllegalArgumentException("XML does not bind to " + type.getSimpleName()
                    + "; was it validated against its schema first?", e);
        }
    }

    private static MessageRejectedException invalidValue(Node root, UnrepresentableValueException problem) {
        String field = ValueLocator.describe(root, problem.lexical()).map(f -> "The value of " + f)
                .orElse("A value");
        return new MessageRejectedException(ReasonCode.INVALID_VALUE, field + " is allowed by the schema but "
                + "outside what the gateway can represent without changing it; " + problem.limits() + ".");
    }

    private static Optional<UnrepresentableValueException> unrepresentable(Throwable failure) {
        // JAXBException's cause is its linked exception; JAXB nests the adapter's exception a few levels down.
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnrepresentableValueException u) {
                return Optional.of(u);
            }
        }
        return Optional.empty();
    }

    /** UTF-8 XML of a root object (a generated type with {@code @XmlRootElement}), indented for people. */
    public static byte[] marshal(Object root) {
        Objects.requireNonNull(root, "root");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Marshaller marshaller = context(root.getClass()).createMarshaller();
            marshaller.setProperty(Marshaller.JAXB_ENCODING, StandardCharsets.UTF_8.name());
            marshaller.setProperty(Marshaller.JAXB_FORMATTED_OUTPUT, Boolean.TRUE);
            marshaller.setEventHandler(event -> false);
            marshaller.marshal(root, out);
        } catch (JAXBException e) {
            throw new IllegalArgumentException("Cannot write " + root.getClass().getSimpleName() + " as XML", e);
        }
        return out.toByteArray();
    }

    /** A root object as a DOM document, for validating an object built in memory without serialising it. */
    public static Document marshalToDocument(Object root) {
        Objects.requireNonNull(root, "root");
        try {
            Document document = EmptyDocuments.create();
            Marshaller marshaller = context(root.getClass()).createMarshaller();
            marshaller.setEventHandler(event -> false);
            marshaller.marshal(root, document);
            return document;
        } catch (JAXBException e) {
            throw new IllegalArgumentException("Cannot write " + root.getClass().getSimpleName() + " as XML", e);
        }
    }

    private static JAXBContext context(Class<?> type) {
        return CONTEXTS.computeIfAbsent(type.getPackage(), pkg -> {
            try {
                // By package, so every type of one schema shares one context (ObjectFactory lists them all).
                return JAXBContext.newInstance(pkg.getName(), type.getClassLoader());
            } catch (JAXBException e) {
                throw new IllegalStateException("No JAXB binding for package " + pkg.getName(), e);
            }
        });
    }
}
