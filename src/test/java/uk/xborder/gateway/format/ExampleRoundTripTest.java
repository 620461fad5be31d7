package uk.xborder.gateway.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import uk.xborder.gateway.pipeline.MessageRejectedException;
import uk.xborder.gateway.pipeline.ReasonCode;
import uk.xborder.gateway.schema.canonical.IntelligenceMessage;
import uk.xborder.gateway.schema.canonical.Recipients;
import uk.xborder.gateway.testsupport.Examples;
import uk.xborder.gateway.testsupport.Examples.Example;
import uk.xborder.gateway.xml.JaxbCodec;

/** Every example, through the inbound pipeline and back out in its own format. */
class ExampleRoundTripTest {

    static Stream<Example> validExamples() {
        return Examples.valid();
    }

    static Stream<Example> invalidExamples() {
        return Examples.invalid();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validExamples")
    void everyValidExampleBecomesAValidCanonicalMessage(Example example) {
        IntelligenceMessage canonical = Inbound.toCanonical(example.bytes(), example.kind().formatId);

        Inbound.CATALOG.validate(JaxbCodec.marshalToDocument(canonical), "canonical-1");
        assertThat(canonical.getItems().getItem()).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validExamples")
    void everyValidExampleRoundTripsThroughCanonicalUnchanged(Example example) {
        MessageFormat format = Inbound.FORMATS.get(example.kind().formatId);
        IntelligenceMessage canonical = Inbound.toCanonical(example.bytes(), format.id());
        String addressee = canonical.getRecipients().getRecipient().get(0).getPartyId();

        byte[] again = format.fromCanonical(canonical, addressee);
        IntelligenceMessage roundTripped = Inbound.toCanonical(again, format.id());

        // The only intended difference: a delivery names its addressee alone.
        assertThat(roundTripped.getRecipients().getRecipient()).singleElement()
                .satisfies(r -> assertThat(r.getPartyId()).isEqualTo(addressee));
        assertThat(canonicalXml(withoutRecipients(roundTripped))).isEqualTo(canonicalXml(withoutRecipients(canonical)));
        assertThat(new String(again, StandardCharsets.UTF_8)).doesNotContain("TranslationNote");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validExamples")
    void readsSenderAndMessageIdFromEveryValidExample(Example example) {
        MessageFormat format = Inbound.FORMATS.get(example.kind().formatId);
        Document document = Inbound.PARSER.parse(example.bytes());
        IntelligenceMessage canonical = format.toCanonical(document);

        assertThat(format.senderPartyId(document)).hasValue(canonical.getSender().getPartyId());
        assertThat(format.messageId(document)).hasValue(canonical.getMessageId());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidExamples")
    void everyInvalidExampleIsRefusedAsSchemaInvalid(Example example) {
        MessageRejectedException rejection = catchThrowableOfType(MessageRejectedException.class,
                () -> Inbound.toCanonical(example.bytes(), example.kind().formatId));

        assertThat(rejection).as(example.toString()).isNotNull();
        assertThat(rejection.reason()).isEqualTo(ReasonCode.SCHEMA_INVALID);
        assertThat(rejection.explanation()).contains(example.kind().formatId.equals("canonical-1")
                ? "canonical" : example.kind().formatId);
    }

    private static IntelligenceMessage withoutRecipients(IntelligenceMessage message) {
        IntelligenceMessage copy = JaxbCodec.unmarshal(JaxbCodec.marshalToDocument(message), IntelligenceMessage.class);
        copy.setRecipients(new Recipients());
        return copy;
    }

    private static String canonicalXml(IntelligenceMessage message) {
        return new String(JaxbCodec.marshal(message), StandardCharsets.UTF_8);
    }
}
