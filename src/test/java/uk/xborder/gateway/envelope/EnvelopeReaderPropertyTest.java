package uk.xborder.gateway.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.xborder.gateway.pipeline.ReasonCode.MALFORMED_ENVELOPE;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import uk.xborder.gateway.pipeline.MessageRejectedException;
import uk.xborder.gateway.testsupport.DocumentReshaping;
import uk.xborder.gateway.testsupport.HostileInput;
import uk.xborder.gateway.testsupport.HostileInputs;
import uk.xborder.gateway.testsupport.HostileInputs.Seed;
import uk.xborder.gateway.testsupport.RefusalProperty;
import uk.xborder.gateway.testsupport.RefusalProperty.Summary;
import uk.xborder.gateway.xml.SafeXmlParser;
import uk.xborder.gateway.xml.SchemaCatalog;

/**
 * Whatever arrives as a transport envelope (on {@code gw.inbound}, a partner's broker or the HTTPS endpoint), the
 * envelope reader the inbound {@code Unwrapping} step uses returns a header and payload, or refuses it as
 * MALFORMED_ENVELOPE through {@link MalformedEnvelopeException} (which carries what the header still claims, for the
 * refusal receipt). Never another exception, an Error, or a read that does not end.
 */
class EnvelopeReaderPropertyTest {

    private static final Duration BOUND = Duration.ofSeconds(10);

    private final EnvelopeReader reader = new EnvelopeReader(new SafeXmlParser(), SchemaCatalog.loadDefault());

    @Test
    void everyEnvelopeIsReadOrRefusedAsMalformed() {
        List<Seed> envelopes = envelopes();
        List<Seed> seeds = new ArrayList<>(envelopes);
        seeds.addAll(HostileInputs.exampleSeeds());
        Function<SplittableRandom, HostileInput> bytes = HostileInputs.of(seeds).anything();
        Function<SplittableRandom, HostileInput> reshaped = DocumentReshaping.of(envelopes, HostileInputs.validExamples());

        Summary summary = RefusalProperty.forAll("the envelope reader reads or refuses",
                        random -> random.nextInt(3) == 0 ? bytes.apply(random) : reshaped.apply(random))
                .cases(3_000).eachWithin(BOUND).shrinkingBy(HostileInput::smaller)
                .check(input -> read(input.bytes()), MALFORMED_ENVELOPE);

        assertThat(summary.accepted()).isGreaterThan(summary.total() / 20);
        assertThat(summary.refused(MALFORMED_ENVELOPE)).isGreaterThan(summary.total() / 2);
    }

    /** What Unwrapping relies on: a read envelope has every header field; a refusal is the envelope kind. */
    private void read(byte[] bytes) {
        ReceivedEnvelope envelope;
        try {
            envelope = reader.read(bytes);
        } catch (MessageRejectedException refusal) {
            assertThat(refusal).isInstanceOf(MalformedEnvelopeException.class);
            assertThat(((MalformedEnvelopeException) refusal).claimed()).isNotNull();
            throw refusal;
        }
        EnvelopeHeader header = envelope.header();
        assertThat(List.of(header.messageId(), header.exchangeId(), header.from(), header.to(), header.sentAt(),
                header.contentFormat())).doesNotContainNull();
        assertThat(envelope.payload()).isNotEmpty();
    }

    /** Envelopes as the gateway writes them: several headers, payloads of a few sizes. */
    private static List<Seed> envelopes() {
        EnvelopeWriter writer = new EnvelopeWriter();
        SplittableRandom random = new SplittableRandom(RefusalProperty.DEFAULT_SEED);
        List<Seed> envelopes = new ArrayList<>();
        String[][] headers = {
            {"EU-HIT-2026-000123", "europol", "police-scotland", "europol-ie-1"},
            {"SPOC-IE-2026-77", "spoc-ie", "nca", "europol-ie-1"},
            {"PS-IR-2026-G-004711", "police-scotland", "europol", "canonical-1"},
        };
        for (String[] header : headers) {
            for (int size : new int[] {1, 57, 2_000}) {
                byte[] payload = new byte[size];
                random.nextBytes(payload);
                byte[] envelope = writer.write(new EnvelopeHeader(header[0], "ex-" + header[0].toLowerCase(),
                        header[1], header[2], Instant.parse("2026-11-25T09:14:00Z"), header[3]), payload);
                envelopes.add(new Seed("envelope " + header[0] + " with " + size + " payload bytes", envelope));
            }
        }
        return envelopes;
    }
}
