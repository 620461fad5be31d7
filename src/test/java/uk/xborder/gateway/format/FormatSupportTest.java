package uk.xborder.gateway.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import uk.xborder.gateway.pipeline.GatewayFault;
import uk.xborder.gateway.pipeline.MessageRejectedException;
import uk.xborder.gateway.message.GradingTables;
import uk.xborder.gateway.message.MarkingTable;
import uk.xborder.gateway.schema.canonical.IntelligenceMessage;
import uk.xborder.gateway.schema.europol.InformationExchange;
import uk.xborder.gateway.xml.PublicSchema;
import uk.xborder.gateway.xml.SafeXmlParser;

class FormatSupportTest {

    private final GradingTables grading = GradingTables.loadDefault();
    private final MarkingTable marking = MarkingTable.loadDefault();
    private final FormatSupport support = new FormatSupport(new SafeXmlParser(), Inbound.CATALOG,
            new SchemeConversion(grading, marking), new CanonicalRules(grading, marking));

    @Test
    void outputItsSchemaRefusesIsAGatewayFaultNotARefusal() {
        InformationExchange empty = new InformationExchange();

        assertThatThrownBy(() -> support.emit(empty, PublicSchema.EUROPOL_INFORMATION_EXCHANGE))
                .isInstanceOf(GatewayFault.class)
                .isNotInstanceOf(MessageRejectedException.class)
                .hasMessageContaining("europol-ie-1");
    }

    @Test
    void aCanonicalMessageItsSchemaRefusesIsAGatewayFaultNotARefusal() {
        IntelligenceMessage translated = Inbound.example(
                "police-scotland/valid/ps-ir-cocaine-importation-europol-spoc-ie-nca.xml", "police-scotland-ir-1");
        translated.setMessageId(null); // as a translator that forgot to copy it would leave it

        assertThatThrownBy(() -> support.checkedCanonical(translated, "police-scotland-ir-1"))
                .isInstanceOf(GatewayFault.class)
                .isNotInstanceOf(MessageRejectedException.class)
                .hasMessageContaining("police-scotland-ir-1");
    }
}
