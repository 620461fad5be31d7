package uk.xborder.gateway.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.xborder.gateway.pipeline.ReasonCode.MALFORMED_XML;
import static uk.xborder.gateway.pipeline.ReasonCode.SCHEMA_INVALID;
import static uk.xborder.gateway.pipeline.ReasonCode.XML_DOCTYPE_FORBIDDEN;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import uk.xborder.gateway.testsupport.DocumentReshaping;
import uk.xborder.gateway.testsupport.HostileInput;
import uk.xborder.gateway.testsupport.HostileInputs;
import uk.xborder.gateway.testsupport.RefusalProperty;
import uk.xborder.gateway.testsupport.RefusalProperty.Summary;

/**
 * Whatever bytes arrive on an agency queue, the safe parser (the outbound pipeline's {@code WellFormedness} step)
 * returns a document or refuses them as the sender's fault: MALFORMED_XML, XML_DOCTYPE_FORBIDDEN, or SCHEMA_INVALID
 * for nesting or attribute counts beyond any format; and what parses, the schemas accept or refuse as
 * SCHEMA_INVALID. Never another exception, an Error, or a run that does not end.
 */
class SafeXmlParserPropertyTest {

    private static final Duration BOUND = Duration.ofSeconds(10);

    private final SafeXmlParser parser = new SafeXmlParser();
    private final HostileInputs inputs = HostileInputs.ofExamples();
    private final SchemaCatalog catalog = SchemaCatalog.loadDefault();

    @Test
    void everyInputParsesOrIsRefusedForWhatIsWrongWithIt() {
        Summary summary = RefusalProperty.forAll("the safe parser parses or refuses", inputs.anything())
                .cases(3_000).eachWithin(BOUND).shrinkingBy(HostileInput::smaller)
                .check(input -> parsed(input.bytes()), MALFORMED_XML, XML_DOCTYPE_FORBIDDEN, SCHEMA_INVALID);

        // The generator reaches each outcome: documents that still parse, and each kind of refusal.
        assertThat(summary.accepted()).isGreaterThan(summary.total() / 10);
        assertThat(summary.refusals()).contains(MALFORMED_XML, XML_DOCTYPE_FORBIDDEN, SCHEMA_INVALID);
    }

    /**
     * What parses goes on to the schema of the format it claims to be (its root's namespace), as SchemaConformance,
     * ContentConformance and the envelope reader do: it is valid, or refused as SCHEMA_INVALID.
     */
    @Test
    void everyParsedDocumentIsValidOrRefusedAsSchemaInvalid() {
        Function<SplittableRandom, HostileInput> bytes = inputs.anything();
        Function<SplittableRandom, HostileInput> reshaped =
                DocumentReshaping.of(HostileInputs.validExamples(), HostileInputs.validExamples());

        Summary summary = RefusalProperty.forAll("the schemas accept or refuse what parses",
                        random -> random.nextBoolean() ? bytes.apply(random) : reshaped.apply(random))
                .cases(3_000).eachWithin(BOUND).shrinkingBy(HostileInput::smaller)
                .check(input -> {
                    Document document = parsed(input.bytes());
                    catalog.validate(document, claimedFormat(document));
                }, MALFORMED_XML, XML_DOCTYPE_FORBIDDEN, SCHEMA_INVALID);

        assertThat(summary.accepted()).isGreaterThan(summary.total() / 20);
        assertThat(summary.refused(SCHEMA_INVALID)).isGreaterThan(summary.total() / 5);
    }

    /** The public schema whose namespace the root element is in; the canonical one when none is. */
    private String claimedFormat(Document document) {
        String namespace = document.getDocumentElement().getNamespaceURI();
        return catalog.formatIds().stream().filter(id -> catalog.targetNamespace(id).equals(namespace)).findFirst()
                .orElse(PublicSchema.CANONICAL.id());
    }

    private Document parsed(byte[] bytes) {
        Document document = parser.parse(bytes);
        assertThat(document.getDocumentElement()).as("a parsed document has its root element").isNotNull();
        return document;
    }
}
