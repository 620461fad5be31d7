package uk.xborder.gateway.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import uk.xborder.gateway.message.NoSafeMappingException;
import uk.xborder.gateway.outbound.CanonicalFacts;
import uk.xborder.gateway.pipeline.MessageRejectedException;
import uk.xborder.gateway.pipeline.ReasonCode;
import uk.xborder.gateway.schema.canonical.IntelligenceMessage;
import uk.xborder.gateway.testsupport.Examples;
import uk.xborder.gateway.testsupport.RunningGateway;

/**
 * The caveats of a classification reach the policy from every format (through the canonical message and
 * {@link CanonicalFacts}), and every translator writes them out again; a caveat a format cannot write refuses the
 * recipient instead of being left out.
 */
class CaveatsAcrossFormatsTest {

    private static final String PS_REPORT = "police-scotland/valid/ps-ir-cocaine-importation-europol-spoc-ie-nca.xml";
    private static final String NCA_LOG = "uk-agency/valid/nca-log-firearms-police-scotland-europol.xml";
    private static final String EUROPOL_HIT = "europol/valid/europol-hit-basic-protection.xml";
    private static final String CANONICAL_IR = "canonical/valid/canonical-ir-from-police-scotland.xml";

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "police-scotland-ir-1, " + PS_REPORT + ", <Descriptor>PERSONAL</Descriptor>()",
            "uk-agency-5x5x5-1, " + NCA_LOG + ", <Descriptor>PERSONAL</Descriptor>()",
            "europol-ie-1, " + EUROPOL_HIT + ", <Level>BASIC-PROTECTION</Level>()",
            "canonical-1, " + CANONICAL_IR + ", <Descriptor>PERSONAL</Descriptor>()"})
    void everyFormatBringsItsCaveatsToThePolicy(String format, String example, String after) {
        byte[] xml = new Examples(Examples.read(example))
                .replace(after, "<Caveat>UK EYES ONLY</Caveat><Caveat>RELEASABLE TO EUROPOL</Caveat>").bytes();

        List<String> caveats = CanonicalFacts.of(Inbound.toCanonical(xml, format)).caveats();

        if (format.equals("europol-ie-1")) {
            assertThat(caveats).containsExactly("UK EYES ONLY", "RELEASABLE TO EUROPOL", "REL TO UK");
        } else {
            assertThat(caveats).containsExactly("UK EYES ONLY", "RELEASABLE TO EUROPOL");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"police-scotland-ir-1", "uk-agency-5x5x5-1", "europol-ie-1", "canonical-1"})
    void everyFormatWritesTheCaveatsItIsGiven(String format) {
        IntelligenceMessage report = Inbound.example(PS_REPORT, "police-scotland-ir-1");
        report.getClassification().getCaveat().addAll(List.of("UK EYES ONLY", "RELEASABLE TO EUROPOL"));

        byte[] written = Inbound.FORMATS.get(format).fromCanonical(report, "nca");

        assertThat(Inbound.toCanonical(written, format).getClassification().getCaveat())
                .containsExactly("UK EYES ONLY", "RELEASABLE TO EUROPOL");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"police-scotland-ir-1", "uk-agency-5x5x5-1", "canonical-1"})
    void theUkFormatsCarryANationalCaveatThatNamesNations(String format) {
        byte[] xml = new Examples(Examples.read(PS_REPORT))
                .replace("<Descriptor>PERSONAL</Descriptor>()", "<Caveat>UK/IE EYES ONLY</Caveat>").bytes();
        IntelligenceMessage report = Inbound.toCanonical(xml, "police-scotland-ir-1");
        assertThat(CanonicalFacts.of(report).caveats()).containsExactly("UK/IE EYES ONLY");

        byte[] written = Inbound.FORMATS.get(format).fromCanonical(report, "nca");

        assertThat(Inbound.toCanonical(written, format).getClassification().getCaveat())
                .containsExactly("UK/IE EYES ONLY");
    }

    @Test
    void aCaveatTheEuropolFormatCannotWriteRefusesTheRecipientRatherThanBeingDropped() {
        IntelligenceMessage report = Inbound.example(PS_REPORT, "police-scotland-ir-1");
        report.getClassification().getCaveat().addAll(List.of("RELEASABLE TO EUROPOL", "UK/IE EYES ONLY"));

        assertThatThrownBy(() -> Inbound.FORMATS.get("europol-ie-1").fromCanonical(report, "spoc-ie"))
                .isInstanceOfSatisfying(NoSafeMappingException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ReasonCode.NO_SAFE_MAPPING);
                    assertThat(e.explanation()).contains("'UK/IE EYES ONLY'")
                            .contains("cannot be written in the Europol-style format");
                });
    }

    @Test
    void theEuropolSchemaHasNoNationalCaveatWithASlash() {
        byte[] xml = new Examples(Examples.read(EUROPOL_HIT))
                .replace("<Caveat>(REL TO UK)</Caveat>", "UK/IE EYES ONLY").bytes();
        assertThatThrownBy(() -> Inbound.toCanonical(xml, "europol-ie-1"))
                .isInstanceOfSatisfying(MessageRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(ReasonCode.SCHEMA_INVALID));
    }

    /** The translator's own test of a caveat is the schema's: the two must not drift apart. */
    @Test
    void theEuropolTranslatorChecksCaveatsByItsSchemasPattern() {
        assertThat(EuropolFormat.CAVEAT.pattern()).isEqualTo(pattern("europol-information-exchange.xsd",
                "MarkingToken"));
        assertThat(pattern("europol-information-exchange.xsd", "Classification"))
                .as("the Europol schema's caveats are marking tokens").isEqualTo("eu:MarkingToken");
    }

    /** No canonical message has more caveats than a format can write. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"police-scotland-intelligence-report.xsd", "uk-agency-intelligence-log.xsd",
            "europol-information-exchange.xsd"})
    void everyFormatTakesAsManyCaveatsAsTheCanonicalMessage(String schema) {
        assertThat(caveatMaxOccurs(schema)).isEqualTo(caveatMaxOccurs("canonical-message.xsd")).isEqualTo("10");
    }

    /**
     * For a simple type: its pattern. For "Classification": the type of the Caveat element of the Europol schema.
     */
    private static String pattern(String schema, String typeName) {
        String xsd = schemaText(schema);
        Matcher m = typeName.equals("Classification")
                ? Pattern.compile("<xs:element name=\"Caveat\" type=\"([^\"]+)\"").matcher(xsd)
                : Pattern.compile("<xs:simpleType name=\"" + typeName + "\">.*?<xs:pattern value=\"([^\"]+)\"",
                        Pattern.DOTALL).matcher(xsd);
        assertThat(m.find()).as(typeName + " in " + schema).isTrue();
        return m.group(1);
    }

    private static String schemaText(String schema) {
        try {
            return Files.readString(RunningGateway.projectDirectory().resolve("schemas").resolve(schema));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String caveatMaxOccurs(String schema) {
        Matcher m = Pattern.compile("<xs:element name=\"Caveat\"[^>]*maxOccurs=\"([^\"]+)\"")
                .matcher(schemaText(schema));
        assertThat(m.find()).as("Caveat in " + schema).isTrue();
        return m.group(1);
    }
}
