package uk.xborder.gateway.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import uk.xborder.gateway.pipeline.MessageRejectedException;
import uk.xborder.gateway.schema.canonical.IntelligenceMessage;
import uk.xborder.gateway.testsupport.Examples;
import uk.xborder.gateway.testsupport.Examples.Example;
import uk.xborder.gateway.testsupport.RunningGateway;
import uk.xborder.gateway.xml.JaxbCodec;

/**
 * Every code in the public formats is a token: the schema reads {@code <Marking> OFFICIAL </Marking>} as OFFICIAL.
 * The translators bound codes as written, so a code with white space around it (valid, and what an agency's XML
 * writer may well produce when it indents) became null, and the translator failed with a NullPointerException or
 * blamed itself for a canonical message its schema refused: a message the sender had every right to send was held
 * as the gateway's own fault. Found by the translator property test.
 */
class CodesPaddedWithWhiteSpaceTest {

    private static final Set<String> CODES = enumeratedCodes();

    static Stream<Example> validExamples() {
        return Examples.valid();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validExamples")
    void aCodeWithWhiteSpaceAroundItTranslatesAsTheCodeItself(Example example) {
        String original = new String(example.bytes(), StandardCharsets.UTF_8);
        String padded = padEveryCode(original);
        assertThat(padded).as("the example has codes to pad").isNotEqualTo(original);

        IntelligenceMessage expected = Inbound.toCanonical(example.bytes(), example.kind().formatId);
        IntelligenceMessage actual = Inbound.toCanonical(padded.getBytes(StandardCharsets.UTF_8),
                example.kind().formatId);

        assertThat(xml(actual)).isEqualTo(xml(expected));
        String recipient = actual.getRecipients().getRecipient().get(0).getPartyId();
        for (String target : Inbound.FORMATS.ids()) {
            try {
                assertThat(Inbound.FORMATS.get(target).fromCanonical(actual, recipient)).isNotEmpty();
            } catch (MessageRejectedException refusedForThisRecipient) {
                // a refusal (no safe mapping, no legal basis) is an answer too; a crash was the defect
            }
        }
    }

    /** Each element whose whole text is a code some schema enumerates, with new lines and spaces around it. */
    private static String padEveryCode(String xml) {
        Matcher leaf = Pattern.compile(">([^<>\\s][^<>]*)</").matcher(xml);
        StringBuilder out = new StringBuilder();
        while (leaf.find()) {
            String text = leaf.group(1);
            leaf.appendReplacement(out, Matcher.quoteReplacement(
                    CODES.contains(text) ? ">\n      " + text + "  </" : leaf.group()));
        }
        leaf.appendTail(out);
        return out.toString();
    }

    private static String xml(IntelligenceMessage message) {
        return new String(JaxbCodec.marshal(message), StandardCharsets.UTF_8);
    }

    private static Set<String> enumeratedCodes() {
        Set<String> codes = new LinkedHashSet<>();
        Pattern enumeration = Pattern.compile("<xs:enumeration value=\"([^\"]*)\"");
        try (Stream<Path> schemas = Files.list(RunningGateway.projectDirectory().resolve("schemas"))) {
            for (Path schema : schemas.toList()) {
                Matcher m = enumeration.matcher(Files.readString(schema));
                while (m.find()) {
                    codes.add(m.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return codes;
    }
}
