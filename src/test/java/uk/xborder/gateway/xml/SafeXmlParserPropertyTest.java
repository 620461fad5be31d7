package uk.xborder.gateway.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.xborder.gateway.pipeline.ReasonCode.MALFORMED_XML;
import static uk.xborder.gateway.pipeline.ReasonCode.SCHEMA_INVALID;
import static uk.xborder.gateway.pipeline.ReasonCode.XML_DOCTYPE_FORBIDDEN;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import uk.xborder.gateway.testsupport.HostileInput;
import uk.xborder.gateway.testsupport.HostileInputs;
import uk.xborder.gateway.testsupport.RefusalProperty;
import uk.xborder.gateway.testsupport.RefusalProperty.Summary;

/**
 * Whatever bytes arrive on an agency queue, the safe parser (the outbound pipeline's {@code WellFormedness} step)
 * returns a document or refuses them as the sender's fault: MALFORMED_XML, XML_DOCTYPE_FORBIDDEN, or SCHEMA_INVALID
 * for nesting deeper than any format. Never another exception, an Error, or a parse that does not end.
 */
class SafeXmlParserPropertyTest {

    private static final Duration BOUND = Duration.ofSeconds(10);

    private final SafeXmlParser parser = new SafeXmlParser();
    private final HostileInputs inputs = HostileInputs.ofExamples();

    @Test
    void everyInputParsesOrIsRefusedForWhatIsWrongWithIt() {
        Summary summary = RefusalProperty.forAll("the safe parser parses or refuses", inputs.anything())
                .cases(4_000).eachWithin(BOUND).shrinkingBy(HostileInput::smaller)
                .check(input -> parsed(input.bytes()), MALFORMED_XML, XML_DOCTYPE_FORBIDDEN, SCHEMA_INVALID);

        // The generator reaches each outcome: documents that still parse, and each kind of refusal.
        assertThat(summary.accepted()).isGreaterThan(summary.total() / 10);
        assertThat(summary.refusals()).contains(MALFORMED_XML, XML_DOCTYPE_FORBIDDEN, SCHEMA_INVALID);
    }

    private Document parsed(byte[] bytes) {
        Document document = parser.parse(bytes);
        assertThat(document.getDocumentElement()).as("a parsed document has its root element").isNotNull();
        return document;
    }
}
