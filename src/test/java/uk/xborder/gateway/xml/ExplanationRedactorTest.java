package uk.xborder.gateway.xml;

import static org.assertj.core.api.Assertions.assertThat;

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
}
