package uk.xborder.gateway.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;

import uk.xborder.gateway.format.FormatRegistry;
import uk.xborder.gateway.pipeline.MessageRejectedException;
import uk.xborder.gateway.pipeline.ReasonCode;
import uk.xborder.gateway.schema.canonical.IntelligenceMessage;
import uk.xborder.gateway.testsupport.Examples;
import uk.xborder.gateway.xml.SafeXmlParser;
import uk.xborder.gateway.xml.SchemaCatalog;

/**
 * An urgent request for information must say why it is urgent (Directive (EU) 2023/977 Art. 4(4)): in every format,
 * a request marked URGENT or IMMEDIATE without its reasons is refused when it is translated, with
 * URGENCY_WITHOUT_REASONS; urgency without reasons in anything but a request, and a request that is not urgent, pass.
 */
class UrgencyRuleTest {

    private static final FormatRegistry FORMATS = FormatRegistry.createDefault();
    private static final SchemaCatalog CATALOG = SchemaCatalog.loadDefault();
    private static final SafeXmlParser PARSER = new SafeXmlParser();

    private static final String PS_RFI = "police-scotland/valid/ps-rfi-urgent-direct-europol.xml";
    private static final String NCA_REQUEST = "uk-agency/valid/nca-request-urgent-indirect-police-scotland.xml";
    private static final String EUROPOL_REQUEST = "europol/valid/europol-request-urgent-direct-police-scotland.xml";
    private static final String CANONICAL_RFI = "canonical/valid/canonical-rfi-from-europol.xml";

    @ParameterizedTest(name = "{0} marked {3}")
    @CsvSource({
            "police-scotland/valid/ps-rfi-urgent-direct-europol.xml, police-scotland-ir-1, <UrgencyJustification>[^<]*</UrgencyJustification>, URGENT",
            "police-scotland/valid/ps-rfi-urgent-direct-europol.xml, police-scotland-ir-1, <UrgencyJustification>[^<]*</UrgencyJustification>, IMMEDIATE",
            "uk-agency/valid/nca-request-urgent-indirect-police-scotland.xml, uk-agency-5x5x5-1, <UrgencyReason>[^<]*</UrgencyReason>, URGENT",
            "europol/valid/europol-request-urgent-direct-police-scotland.xml, europol-ie-1, <UrgencyReason>[^<]*</UrgencyReason>, IMMEDIATE",
    })
    void anUrgentRequestWithoutReasonsIsRefusedInEveryFormat(String example, String format, String reasons,
                                                              String priority) {
        String priorityElement = format.equals("uk-agency-5x5x5-1") ? "Precedence" : "Priority";
        byte[] xml = new Examples(Examples.read(example)).remove(reasons)
                .replace("<" + priorityElement + ">([A-Z]+)</" + priorityElement + ">", priority).bytes();

        MessageRejectedException refusal = catchThrowableOfType(MessageRejectedException.class,
                () -> toCanonical(xml, format));

        assertThat(refusal).isNotNull();
        assertThat(refusal.reason()).isEqualTo(ReasonCode.URGENCY_WITHOUT_REASONS);
        assertThat(refusal.explanation()).contains("marked " + priority).contains("Art. 4(4)");
    }

    @Test
    void anUrgentCanonicalRequestWithoutReasonsIsRefused() {
        byte[] xml = new Examples(Examples.read(CANONICAL_RFI))
                .replace("<Priority>([A-Z]+)</Priority>", "URGENT").bytes();

        MessageRejectedException refusal = catchThrowableOfType(MessageRejectedException.class,
                () -> toCanonical(xml, "canonical-1"));

        assertThat(refusal.reason()).isEqualTo(ReasonCode.URGENCY_WITHOUT_REASONS);
        assertThat(refusal.explanation()).contains("EUROPOL-2026-RFI-0047402");
    }

    @Test
    void urgencyWithoutReasonsInAnythingButARequestIsNotRefused() {
        byte[] report = Examples.policeScotlandReport().replace("<Priority>([A-Z]+)</Priority>", "IMMEDIATE").bytes();

        assertThatNoException().isThrownBy(() -> toCanonical(report, "police-scotland-ir-1"));
    }

    @Test
    void aRequestThatIsNotUrgentNeedsNoReasons() {
        byte[] xml = new Examples(Examples.read(PS_RFI))
                .remove("<UrgencyJustification>[^<]*</UrgencyJustification>")
                .replace("<Priority>([A-Z]+)</Priority>", "PRIORITY").bytes();

        IntelligenceMessage message = toCanonical(xml, "police-scotland-ir-1");

        assertThat(RequestFacts.of(message).urgent()).isFalse();
        assertThat(RequestFacts.of(message).timeLimit()).isEqualTo(ResponseDeadline.TimeLimit.STANDARD);
    }

    @Test
    void theRuleHoldsOnTheWayOutToo() {
        IntelligenceMessage message = toCanonical(Examples.file(NCA_REQUEST), "uk-agency-5x5x5-1");
        message.setUrgencyGround(null);

        MessageRejectedException refusal = catchThrowableOfType(MessageRejectedException.class,
                () -> FORMATS.get("police-scotland-ir-1").fromCanonical(message, "police-scotland"));

        assertThat(refusal.reason()).isEqualTo(ReasonCode.URGENCY_WITHOUT_REASONS);
    }

    @Test
    void theFactsOfEachExampleRequestGiveItsTimeLimit() {
        assertThat(facts(PS_RFI, "police-scotland-ir-1").timeLimit())
                .isEqualTo(ResponseDeadline.TimeLimit.URGENT_DIRECT);
        assertThat(facts(NCA_REQUEST, "uk-agency-5x5x5-1").timeLimit())
                .isEqualTo(ResponseDeadline.TimeLimit.URGENT_INDIRECT);
        assertThat(facts(EUROPOL_REQUEST, "europol-ie-1").timeLimit())
                .isEqualTo(ResponseDeadline.TimeLimit.URGENT_DIRECT);
        assertThat(facts(CANONICAL_RFI, "canonical-1").timeLimit()).isEqualTo(ResponseDeadline.TimeLimit.STANDARD);
        RequestFacts europol = facts(EUROPOL_REQUEST, "europol-ie-1");
        assertThat(europol.isRequest()).isTrue();
        assertThat(europol.accessibility()).isEqualTo(Accessibility.DIRECT);
        assertThat(europol.reasonsGiven()).isTrue();
        assertThat(europol.answers()).isEmpty();
    }

    @Test
    void aReplyAnswersTheRequestItNamesAndAnAcknowledgementDoesNot() {
        RequestFacts reply = facts("europol/valid/spoc-ie-reply-to-police-scotland.xml", "europol-ie-1");
        assertThat(reply.isRequest()).isFalse();
        assertThat(reply.answers()).contains("PS-IR-2026-E-000932");

        byte[] acknowledgement = new Examples(Examples.read("europol/valid/spoc-ie-reply-to-police-scotland.xml"))
                .replace("<MessageKind>([A-Z_]+)</MessageKind>", "ACKNOWLEDGEMENT").bytes();
        assertThat(RequestFacts.of(toCanonical(acknowledgement, "europol-ie-1")).answers()).isEmpty();

        byte[] refusal = new Examples(Examples.read("europol/valid/spoc-ie-reply-to-police-scotland.xml"))
                .replace("<MessageKind>([A-Z_]+)</MessageKind>", "REFUSAL").bytes();
        assertThat(RequestFacts.of(toCanonical(refusal, "europol-ie-1")).answers()).contains("PS-IR-2026-E-000932");
    }

    private static RequestFacts facts(String example, String format) {
        return RequestFacts.of(toCanonical(Examples.file(example), format));
    }

    private static IntelligenceMessage toCanonical(byte[] xml, String format) {
        Document document = PARSER.parse(xml);
        CATALOG.validate(document, format);
        return FORMATS.get(format).toCanonical(document);
    }
}
