package uk.xborder.gateway.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import uk.xborder.gateway.testsupport.Examples;

class FormatRegistryTest {

    private final FormatRegistry registry = Inbound.FORMATS;

    @Test
    void knowsTheFourFormatsByTheirPublicIds() {
        assertThat(registry.ids()).containsExactly("canonical-1", "police-scotland-ir-1", "uk-agency-5x5x5-1",
                "europol-ie-1");
        for (String id : registry.ids()) {
            MessageFormat format = registry.get(id);
            assertThat(format.id()).isEqualTo(id);
            assertThat(getClass().getClassLoader().getResource(format.schemaResource()))
                    .as("schema of %s on the classpath", id).isNotNull();
            assertThat(Inbound.CATALOG.formatIds()).contains(id);
        }
    }

    @Test
    void anUnknownIdIsAnIllegalArgument() {
        assertThatThrownBy(() -> registry.get("siena-2")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("siena-2");
        assertThat(registry.find("siena-2")).isEmpty();
    }

    @Test
    void refusesTwoFormatsWithOneId() {
        MessageFormat europol = registry.get("europol-ie-1");

        assertThatThrownBy(() -> FormatRegistry.of(List.of(europol, europol)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsIdsFromSchemaInvalidDocumentsSoRejectionsCanBeAttributed() {
        Document invalid = Inbound.PARSER.parse(
                Examples.file("police-scotland/invalid/source-evaluation-out-of-range.xml"));
        MessageFormat policeScotland = registry.get("police-scotland-ir-1");

        assertThat(policeScotland.messageId(invalid)).hasValue("PS-IR-2026-G-004711");
        assertThat(policeScotland.senderPartyId(invalid)).hasValue("police-scotland");
    }

    @Test
    void neverEchoesAnIdThatIsNotShapedLikeOne() {
        String xml = new String(Examples.file(
                "police-scotland/valid/ps-ir-cocaine-importation-europol-spoc-ie-nca.xml"), StandardCharsets.UTF_8)
                .replace("<ReportURN>PS-IR-2026-G-004711</ReportURN>", "<ReportURN>NOMINAL 1 lives at</ReportURN>")
                .replace("<PartyId>police-scotland</PartyId>", "<PartyId>Police Scotland HQ</PartyId>");
        Document document = Inbound.PARSER.parse(xml.getBytes(StandardCharsets.UTF_8));
        MessageFormat policeScotland = registry.get("police-scotland-ir-1");

        assertThat(policeScotland.messageId(document)).isEmpty();
        assertThat(policeScotland.senderPartyId(document)).isEmpty();
    }

    @Test
    void readsNothingFromADocumentOfAnotherFormat() {
        Document nca = Inbound.PARSER.parse(
                Examples.file("uk-agency/valid/nca-log-firearms-police-scotland-europol.xml"));

        assertThat(registry.get("europol-ie-1").messageId(nca)).isEmpty();
        assertThat(registry.get("uk-agency-5x5x5-1").messageId(nca)).hasValue("NCA-IL-20261125-000123");
        assertThat(registry.get("uk-agency-5x5x5-1").senderPartyId(nca)).hasValue("nca");
    }
}
