package uk.xborder.gateway.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import uk.xborder.gateway.pipeline.MessageRejectedException;
import uk.xborder.gateway.pipeline.ReasonCode;
import uk.xborder.gateway.testsupport.Examples;
import uk.xborder.gateway.testsupport.Examples.Example;

class SchemaCatalogTest {

    private static final String PS_VALID = "police-scotland/valid/ps-ir-cocaine-importation-europol-spoc-ie-nca.xml";
    private static final String PS_FORMAT = "police-scotland-ir-1";

    private static final SchemaCatalog CATALOG = SchemaCatalog.loadDefault();
    private final SafeXmlParser parser = new SafeXmlParser();

    static Stream<Example> validExamples() {
        return Examples.valid();
    }

    /** Invalid examples that break a rule XSD 1.0 can express; the others are refused by the translators. */
    static Stream<Example> schemaInvalidExamples() {
        return Examples.invalid().filter(e -> !new String(e.bytes(), StandardCharsets.UTF_8)
                .contains("a rule XSD 1.0 cannot express"));
    }

    @Test
    void compilesEveryPublicSchema() {
        assertThat(CATALOG.formatIds()).containsExactlyInAnyOrder("canonical-1", "police-scotland-ir-1",
                "uk-agency-5x5x5-1", "europol-ie-1", "transport-envelope-1", "status-notice-1", "receipt-1");
        assertThat(CATALOG.targetNamespace("canonical-1")).isEqualTo("urn:xborder:gateway:canonical:1");
        assertThat(CATALOG.targetNamespace("europol-ie-1")).isEqualTo("urn:europol-style:information-exchange:1");
        assertThat(CATALOG.schema("receipt-1")).isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validExamples")
    void everyValidExampleValidates(Example example) {
        Document document = parser.parse(example.bytes());

        assertThatCode(() -> CATALOG.validate(document, example.kind().formatId)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemaInvalidExamples")
    void everySchemaInvalidExampleIsRefusedWithLineAndColumn(Example example) {
        Document document = parser.parse(example.bytes());

        MessageRejectedException rejection = catchThrowableOfType(MessageRejectedException.class,
                () -> CATALOG.validate(document, example.kind().formatId));

        assertThat(rejection).as(example.toString()).isNotNull();
        assertThat(rejection.reason()).isEqualTo(ReasonCode.SCHEMA_INVALID);
        assertThat(rejection.explanation()).containsPattern("line \\d+, column \\d+");
    }

    /**
     * A code the schema reads with its white space collapsed (a token) was bound as written: " G " is a valid
     * division, bound to null, and the translator failed on the null. Validation leaves each value as the schema
     * reads it, and text the schema keeps as written stays so.
     */
    @Test
    void aValidDocumentIsLeftWithEachValueAsTheSchemaReadsIt() {
        String xml = new String(Examples.file(PS_VALID), StandardCharsets.UTF_8)
                .replace("<Division>G</Division>", "<Division>\n   G  </Division>")
                .replace("<CaseReference system=\"SID\">", "<CaseReference system=\"  SID \">")
                .replace("<ItemText>NOMINAL 1 (male,", "<ItemText>NOMINAL 1  (male,");
        Document document = parser.parse(xml.getBytes(StandardCharsets.UTF_8));

        CATALOG.validate(document, PS_FORMAT);

        assertThat(text(document, "Division")).isEqualTo("G");
        assertThat(((Element) document.getElementsByTagNameNS("*", "CaseReference").item(0)).getAttribute("system"))
                .isEqualTo("SID");
        assertThat(text(document, "ItemText")).startsWith("NOMINAL 1  (male,");
    }

    /** The canonical classification level is a union of two schemes' levels: its value is collapsed too. */
    @Test
    void aValueOfAUnionTypeIsLeftAsTheSchemaReadsIt() {
        String xml = Examples.read("canonical/valid/canonical-ir-from-police-scotland.xml")
                .replace("<Level>OFFICIAL-SENSITIVE</Level>", "<Level>  OFFICIAL-SENSITIVE\n</Level>");
        Document document = parser.parse(xml.getBytes(StandardCharsets.UTF_8));

        CATALOG.validate(document, "canonical-1");

        assertThat(text(document, "Level")).isEqualTo("OFFICIAL-SENSITIVE");
    }

    @Test
    void anInvalidDocumentIsLeftAsItWas() {
        String xml = new String(Examples.file("police-scotland/invalid/marking-misspelt.xml"), StandardCharsets.UTF_8)
                .replace("<Division>G</Division>", "<Division> G </Division>");
        Document document = parser.parse(xml.getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> CATALOG.validate(document, PS_FORMAT)).isInstanceOf(MessageRejectedException.class);
        assertThat(text(document, "Division")).isEqualTo(" G ");
    }

    @Test
    void namesPositionElementAndRuleButNotTheValue() {
        Document document = parser.parse(Examples.file("police-scotland/invalid/marking-misspelt.xml"));

        MessageRejectedException rejection = catchThrowableOfType(MessageRejectedException.class,
                () -> CATALOG.validate(document, PS_FORMAT));

        assertThat(rejection.explanation())
                .contains("schema police-scotland-ir-1")
                .contains("line 26, column 14 (element Marking)")
                .contains("cvc-enumeration-valid")
                .doesNotContain("OFFICIAL SENSITIVE");
    }

    @Test
    void namesTheMissingElementFromTheSchema() {
        Document document = parser.parse(Examples.file("police-scotland/invalid/missing-dissemination-list.xml"));

        assertThatThrownBy(() -> CATALOG.validate(document, PS_FORMAT))
                .hasMessageContaining("One of {DisseminationList} is expected");
    }

    @Test
    void reportsSeveralViolationsButNotEndlessly() {
        String xml = new String(Examples.file(PS_VALID), StandardCharsets.UTF_8)
                .replaceAll("<SourceEvaluation>\\d</SourceEvaluation>", "<SourceEvaluation>9</SourceEvaluation>")
                .replaceAll("<IntelligenceAssessment>\\w</IntelligenceAssessment>",
                        "<IntelligenceAssessment>Z</IntelligenceAssessment>");
        Document document = parser.parse(xml.getBytes(StandardCharsets.UTF_8));

        MessageRejectedException rejection = catchThrowableOfType(MessageRejectedException.class,
                () -> CATALOG.validate(document, PS_FORMAT));

        assertThat(rejection.explanation()).contains("the first 5 violations").contains("[5]").doesNotContain("[6]")
                .contains("element SourceEvaluation").contains("element IntelligenceAssessment");
    }

    @Test
    void neverEchoesValuesEvenWhenTheyHoldQuotesOrBrackets() {
        String xml = new String(Examples.file(PS_VALID), StandardCharsets.UTF_8)
                .replace("<Descriptor>PERSONAL</Descriptor>",
                        "<Descriptor>Ann 'Nan' Lee [CONFIDENTIALWORD] x' is y '</Descriptor>")
                .replace("<CaseReference system=\"OPERATION\">OP KESTREL</CaseReference>",
                        "<CaseReference system=\"OPERATION\">SID-2026-0187734</CaseReference>")
                .replace("<CaseReference system=\"SID\">", "<CaseReference system=\"O'Brien SECRETSYSTEM\">");
        Document document = parser.parse(xml.getBytes(StandardCharsets.UTF_8));

        MessageRejectedException rejection = catchThrowableOfType(MessageRejectedException.class,
                () -> CATALOG.validate(document, PS_FORMAT));

        assertThat(rejection.explanation()).contains("element Descriptor")
                .doesNotContain("Lee").doesNotContain("CONFIDENTIALWORD").doesNotContain("Nan")
                .doesNotContain("is y").doesNotContain("SECRETSYSTEM").doesNotContain("Brien");
    }

    @Test
    void duplicateValuesAreNotEchoed() {
        Document document = parser.parse(Examples.file("police-scotland/invalid/duplicate-item-number.xml"));

        assertThatThrownBy(() -> CATALOG.validate(document, PS_FORMAT))
                .hasMessageContaining("cvc-identity-constraint")
                .hasMessageNotContaining("[2]");
    }

    @Test
    void refusesADocumentOfAnotherFormat() {
        Document nca = parser.parse(Examples.file("uk-agency/valid/nca-log-firearms-police-scotland-europol.xml"));

        assertThatThrownBy(() -> CATALOG.validate(nca, PS_FORMAT))
                .isInstanceOfSatisfying(MessageRejectedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ReasonCode.SCHEMA_INVALID);
                    assertThat(e.explanation()).contains("not in namespace urn:police-scotland:intelligence-report:1")
                            .doesNotContain("urn:uk-agency");
                });
    }

    @Test
    void unknownFormatIdIsAProgrammingError() {
        Document document = parser.parse(Examples.file(PS_VALID));

        assertThatThrownBy(() -> CATALOG.validate(document, "no-such-format"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void neverFetchesASchemaLocationHint() throws IOException {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout(300);
            String hint = "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation="
                    + "\"urn:police-scotland:intelligence-report:1 http://127.0.0.1:" + listener.getLocalPort()
                    + "/evil.xsd\"";
            String xml = new String(Examples.file(PS_VALID), StandardCharsets.UTF_8)
                    .replace("xmlns=\"urn:police-scotland:intelligence-report:1\"",
                            "xmlns=\"urn:police-scotland:intelligence-report:1\" " + hint);
            Document document = parser.parse(xml.getBytes(StandardCharsets.UTF_8));

            assertThatCode(() -> CATALOG.validate(document, PS_FORMAT)).doesNotThrowAnyException();
            assertThatThrownBy(listener::accept).isInstanceOf(SocketTimeoutException.class);
        }
    }

    private static String text(Document document, String localName) {
        return document.getElementsByTagNameNS("*", localName).item(0).getTextContent();
    }
}
