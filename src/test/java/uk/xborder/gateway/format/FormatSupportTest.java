package uk.xborder.gateway.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import uk.xborder.gateway.pipeline.MessageRejectedException;
import uk.xborder.gateway.pipeline.ReasonCode;
import uk.xborder.gateway.message.GradingTables;
import uk.xborder.gateway.message.MarkingTable;
import uk.xborder.gateway.schema.europol.InformationExchange;
import uk.xborder.gateway.xml.PublicSchema;
import uk.xborder.gateway.xml.SafeXmlParser;

class FormatSupportTest {

    private final GradingTables grading = GradingTables.loadDefault();
    private final MarkingTable marking = MarkingTable.loadDefault();
    private final FormatSupport support = new FormatSupport(new SafeXmlParser(), Inbound.CATALOG,
            new SchemeConversion(grading, marking), new CanonicalRules(grading, marking));

    @Test
    void refusesToEmitOutputItsSchemaRefuses() {
        InformationExchange empty = new InformationExchange();

        assertThatThrownBy(() -> support.emit(empty, PublicSchema.EUROPOL_INFORMATION_EXCHANGE))
                .isInstanceOfSatisfying(MessageRejectedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ReasonCode.INTERNAL_ERROR);
                    assertThat(e.explanation()).contains("europol-ie-1");
                });
    }
}
