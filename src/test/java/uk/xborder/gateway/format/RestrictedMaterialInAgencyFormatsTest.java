package uk.xborder.gateway.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;

import uk.xborder.gateway.schema.canonical.IntelligenceMessage;
import uk.xborder.gateway.testsupport.RunningGateway;

/**
 * Material a partner sent under Europol H2 ("not to be disseminated without the permission of the provider") keeps
 * that restriction in words when it reaches a UK agency: the agency's own XML carries the condition text of
 * {@code tables/handling.csv} in its handling element, so the officer who reads it knows it may not be passed on.
 */
class RestrictedMaterialInAgencyFormatsTest {

    private static final String EUROPOL_H2_HIT = "europol/valid/europol-hit-basic-protection.xml";
    private static final String H2_CONDITION = "Europol H2: not to be disseminated without the permission of the"
            + " provider";

    @ParameterizedTest(name = "{0}: {2} {1}")
    @CsvSource({
            "police-scotland-ir-1, UK_3X5X2, C, HandlingConditions, police-scotland",
            "uk-agency-5x5x5-1, UK_5X5X5, 5, HandlingInstructions, nca"})
    void aEuropolH2MessageShowsItsConditionInTheAgencyFormat(String format, String scheme, String code,
                                                             String conditionElement, String agency)
            throws Exception {
        assertThat(Files.readAllLines(RunningGateway.projectDirectory().resolve("tables/handling.csv")))
                .as("the row of tables/handling.csv that gives the text")
                .anySatisfy(row -> assertThat(row).startsWith("EUROPOL,H2," + scheme + "," + code + ","
                        + H2_CONDITION + ","));
        IntelligenceMessage hit = Inbound.example(EUROPOL_H2_HIT, "europol-ie-1");
        assertThat(hit.getHandling().getCode()).as("the example is H2").isEqualTo("H2");

        byte[] xml = Inbound.FORMATS.get(format).fromCanonical(hit, agency);

        Document document = Inbound.validated(xml, format);
        assertThat(text(document, "HandlingCode")).isEqualTo(code);
        assertThat(text(document, conditionElement)).contains(H2_CONDITION);
        assertThat(new String(xml, StandardCharsets.UTF_8)).contains(H2_CONDITION);
    }

    private static String text(Document document, String localName) {
        assertThat(document.getElementsByTagNameNS("*", localName).getLength()).as(localName).isEqualTo(1);
        return document.getElementsByTagNameNS("*", localName).item(0).getTextContent();
    }
}
