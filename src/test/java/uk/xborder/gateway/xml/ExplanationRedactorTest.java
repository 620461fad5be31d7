package uk.xborder.gateway.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExplanationRedactorTest {

    @Test
    void replacesSingleQuotedValuesKeepingTheRule() {
        String message = "cvc-enumeration-valid: Value 'SECRETVALUE' is not facet-valid with respect to enumeration "
                + "'[1, 2, 3]'. It must be a value from the enumeration.";

        assertThat(ExplanationRedactor.redact(message)).isEqualTo("cvc-enumeration-valid: Value '\u2026' is not "
                + "facet-valid with respect to enumeration '\u2026'. It must be a value from the enumeration.");
    }

    @Test
    void replacesDoubleQuotedNames() {
        assertThat(ExplanationRedactor.redact("The element type \"Secret\" must be terminated by \"</Secret>\"."))
                .isEqualTo("The element type \"\u2026\" must be terminated by \"\u2026\".");
    }

    @Test
    void redactsBracketedDuplicateValues() {
        assertThat(ExplanationRedactor.redact(
                "cvc-identity-constraint.4.1: Duplicate unique value [SECRET] declared for identity constraint "
                        + "\"UniqueRecipient\" of element \"IntelligenceMessage\"."))
                .doesNotContain("SECRET").contains("cvc-identity-constraint.4.1").contains("[\u2026]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"O'Brien", "it' s", "a'b'c", "Ann 'Nan' Lee", "[b]r]", "\"q\"uote'", "line\nbreak'"})
    void neverEchoesAValueWhateverQuotesItHolds(String value) {
        String message = "cvc-pattern-valid: Value '" + value + "' is not facet-valid with respect to pattern "
                + "'[A-Z]+' for type 'MarkingToken'.";

        String redacted = ExplanationRedactor.redact(message);

        assertThat(redacted).startsWith("cvc-pattern-valid: Value ");
        for (String fragment : value.split("['\"\\[\\]\\s]+")) {
            if (fragment.length() > 1) {
                assertThat(redacted).doesNotContain(fragment);
            }
        }
    }

    @Test
    void boundsTheLength() {
        assertThat(ExplanationRedactor.redact("x".repeat(10_000))).hasSizeLessThan(310);
    }

    @Test
    void saysSomethingForAnEmptyMessage() {
        assertThat(ExplanationRedactor.redact(null)).isEqualTo("no detail given");
    }

    @Test
    void aQuotedSpanOfAnyLengthIsRedactedWithoutExhaustingTheStack() {
        // What the parser says about an XML declaration whose version is ten thousand digits long.
        String message = "XML version \"" + "1".repeat(10_000) + "\" is not supported, only XML 1.0 is supported.";

        assertThat(ExplanationRedactor.redact(message))
                .isEqualTo("XML version \"\u2026\" is not supported, only XML 1.0 is supported.");
    }

    @Test
    void aMessageOfMegabytesIsRedactedInTimeProportionalToItsLength() {
        // One span: each apostrophe inside is followed by a letter.
        String value = "O'Brien and d'Arcy ".repeat(100_000);
        String message = "cvc-pattern-valid: Value '" + value + "' is not facet-valid with respect to pattern "
                + "'[A-Z]+' for type 'MarkingToken'.";

        String redacted = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> ExplanationRedactor.redact(message));

        assertThat(redacted).startsWith("cvc-pattern-valid: Value ").doesNotContain("Brien").hasSizeLessThan(310);
    }

    /** The regular expressions the redactor used to be, which overflowed on long spans: the same answers. */
    @Test
    void redactsShortMessagesExactlyAsTheRegularExpressionsDid() {
        Random random = new Random(7);
        String[] pieces = {"a", "Z", "1", "\u00e9", "\u2163", " ", " ", "'", "'", "\"", "[", "]", ".", "\n"};
        for (int i = 0; i < 20_000; i++) {
            StringBuilder message = new StringBuilder();
            for (int length = random.nextInt(24); length > 0; length--) {
                message.append(pieces[random.nextInt(pieces.length)]);
            }
            assertThat(ExplanationRedactor.redact(message.toString())).as(message.toString())
                    .isEqualTo(RegularExpressionRedactor.redact(message.toString()));
        }
    }

    /** The former implementation, kept as the reference for what redaction means. */
    private static final class RegularExpressionRedactor {

        private static final Pattern SINGLE_QUOTED =
                Pattern.compile("(?<![\\p{L}\\p{N}])'(?:[^']|'(?=[\\p{L}\\p{N}]))*'(?![\\p{L}\\p{N}])");
        private static final Pattern DOUBLE_QUOTED =
                Pattern.compile("(?<![\\p{L}\\p{N}])\"(?:[^\"]|\"(?=[\\p{L}\\p{N}]))*\"(?![\\p{L}\\p{N}])");
        private static final Pattern BRACKETED = Pattern.compile("(?s)\\[.*\\]");

        static String redact(String message) {
            if (message == null || message.isBlank()) {
                return "no detail given";
            }
            String redacted = BRACKETED.matcher(message).replaceAll("[\u2026]");
            redacted = SINGLE_QUOTED.matcher(redacted).replaceAll("'\u2026'");
            redacted = DOUBLE_QUOTED.matcher(redacted).replaceAll("\"\u2026\"");
            String unpaired = redacted.replace("'\u2026'", "   ").replace("\"\u2026\"", "   ");
            int stray = firstQuote(unpaired);
            if (stray >= 0) {
                redacted = redacted.substring(0, firstQuote(redacted)) + "\u2026";
            }
            redacted = redacted.replaceAll("\\s+", " ").trim();
            return redacted.length() <= 300 ? redacted : redacted.substring(0, 300) + "\u2026";
        }

        private static int firstQuote(String text) {
            int single = text.indexOf('\'');
            int dbl = text.indexOf('"');
            return single < 0 ? dbl : dbl < 0 ? single : Math.min(single, dbl);
        }
    }
}
