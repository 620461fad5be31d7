package uk.xborder.gateway.format;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.xborder.gateway.pipeline.ReasonCode.INVALID_VALUE;
import static uk.xborder.gateway.pipeline.ReasonCode.MALFORMED_XML;
import static uk.xborder.gateway.pipeline.ReasonCode.NO_LEGAL_BASIS;
import static uk.xborder.gateway.pipeline.ReasonCode.NO_SAFE_MAPPING;
import static uk.xborder.gateway.pipeline.ReasonCode.SCHEMA_INVALID;
import static uk.xborder.gateway.pipeline.ReasonCode.URGENCY_WITHOUT_REASONS;
import static uk.xborder.gateway.pipeline.ReasonCode.XML_DOCTYPE_FORBIDDEN;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opentest4j.AssertionFailedError;
import org.w3c.dom.Document;

import uk.xborder.gateway.message.MessageFacts;
import uk.xborder.gateway.outbound.CanonicalFacts;
import uk.xborder.gateway.pipeline.MessageRejectedException;
import uk.xborder.gateway.pipeline.ReasonCode;
import uk.xborder.gateway.schema.canonical.IntelligenceMessage;
import uk.xborder.gateway.testsupport.DocumentReshaping;
import uk.xborder.gateway.testsupport.Examples.Kind;
import uk.xborder.gateway.testsupport.HostileInput;
import uk.xborder.gateway.testsupport.HostileInputs;
import uk.xborder.gateway.testsupport.RefusalProperty;
import uk.xborder.gateway.testsupport.RefusalProperty.Summary;

/**
 * Every translator, given a valid document of its format reshaped in every way that keeps it well-formed (edge
 * values, another format's codes and elements, missing, repeated and moved elements, xsi attributes...), either
 * produces its output or refuses for a reason the sender can act on; never a NullPointerException, an
 * IllegalArgumentException, a DOM or binding failure, or a GatewayFault (the gateway blaming itself for the
 * sender's input).
 *
 * <p>Each case is driven as the pipelines drive it, through the same classes: parse ({@code WellFormedness},
 * {@code HeaderCheck}), the best-effort reads of message id and sender ({@code SchemaConformance},
 * {@code HeaderCheck}), the schema ({@code SchemaConformance}, {@code ContentConformance}), the translation to
 * canonical and its facts ({@code Canonicalisation}, {@code ContentCanonicalisation}), then, for the first
 * recipient, the translation into every format ({@code RecipientTranslation}, {@code AgencyTranslation}), whose
 * refusal refuses that recipient only. One of the documents written is then read back by its format as a receiver
 * would, and must not be refused: a translator never emits what its own side refuses.
 */
class TranslatorPropertyTest {

    private static final Duration BOUND = Duration.ofSeconds(10);
    /** What one recipient's translation may refuse with; the message's other recipients are not affected. */
    private static final Set<ReasonCode> RECIPIENT_REFUSALS = EnumSet.of(NO_SAFE_MAPPING, NO_LEGAL_BASIS);

    private static final List<MessageFormat> TARGETS = List.copyOf(Inbound.FORMATS.ids().stream()
            .map(Inbound.FORMATS::get).toList());

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void everyReshapedDocumentIsTranslatedOrRefusedForAReasonTheSenderCanActOn(Kind kind) {
        MessageFormat source = Inbound.FORMATS.get(kind.formatId);
        Function<SplittableRandom, HostileInput> reshaped =
                DocumentReshaping.of(HostileInputs.validExamples(kind), HostileInputs.validExamples());
        Function<SplittableRandom, HostileInput> mutated = HostileInputs.of(HostileInputs.validExamples(kind))::mutated;
        AtomicInteger translations = new AtomicInteger();
        AtomicInteger recipientRefusals = new AtomicInteger();

        Summary summary = RefusalProperty.forAll("the " + kind.formatId + " translator translates or refuses",
                        random -> random.nextInt(8) == 0 ? mutated.apply(random) : reshaped.apply(random))
                .cases(750).eachWithin(BOUND).shrinkingBy(HostileInput::smaller)
                .check(input -> {
                    IntelligenceMessage canonical = canonical(source, input.bytes());
                    String recipient = CanonicalFacts.of(canonical).recipients().get(0);
                    // One written document a case is read back (which one, the input decides): reading back costs
                    // as much as the translation, and over the cases every format is read back many times.
                    MessageFormat readBack = TARGETS.get(Math.floorMod(Arrays.hashCode(input.bytes()), TARGETS.size()));
                    for (MessageFormat target : TARGETS) {
                        try {
                            byte[] written = target.fromCanonical(canonical, recipient);
                            if (target == readBack) {
                                readBack(target, written);
                            }
                            translations.incrementAndGet();
                        } catch (MessageRejectedException refusal) {
                            if (!RECIPIENT_REFUSALS.contains(refusal.reason())) {
                                throw new AssertionFailedError("the translation to " + target.id() + " refused with "
                                        + refusal.reason() + ": " + refusal.explanation(), refusal);
                            }
                            recipientRefusals.incrementAndGet();
                        }
                    }
                }, MALFORMED_XML, XML_DOCTYPE_FORBIDDEN, SCHEMA_INVALID, INVALID_VALUE, URGENCY_WITHOUT_REASONS);

        // Many cases get through the schema to every translator, and the translators both write and refuse.
        assertThat(summary.accepted()).isGreaterThan(summary.total() / 5);
        assertThat(summary.refused(SCHEMA_INVALID)).isGreaterThan(summary.total() / 5);
        assertThat(translations.get()).isGreaterThan(summary.total() / 2);
        assertThat(translations.get() + recipientRefusals.get()).isEqualTo(TARGETS.size() * summary.accepted());
    }

    /** Parse, best-effort reads, schema, translation to canonical and its facts: up to the recipient loop. */
    private static IntelligenceMessage canonical(MessageFormat format, byte[] bytes) {
        Document document = Inbound.PARSER.parse(bytes);
        format.messageId(document);
        format.senderPartyId(document);
        Inbound.CATALOG.validate(document, format.id());
        IntelligenceMessage canonical = format.toCanonical(document);
        MessageFacts facts = CanonicalFacts.of(canonical);
        assertThat(facts.recipients()).as("a canonical message has recipients").isNotEmpty();
        return canonical;
    }

    /** The receiving side of the written document: a refusal there means the translator wrote it wrong. */
    private static void readBack(MessageFormat format, byte[] written) {
        try {
            canonical(format, written);
        } catch (MessageRejectedException refusal) {
            throw new AssertionFailedError(format.id() + " refuses what its translator wrote (" + refusal.reason()
                    + ": " + refusal.explanation() + ")", refusal);
        }
    }
}
