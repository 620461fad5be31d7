package uk.xborder.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.Test;

class QueryStringTest {

    private static final Set<String> KNOWN = Set.of("marking", "limit");

    @Test
    void decodesPercentEncodingAndPlusKeepingTheOrder() {
        assertThat(QueryString.parse("marking=UK_GSC+OFFICIAL%2DSENSITIVE&limit=5", KNOWN))
                .containsExactly(java.util.Map.entry("marking", "UK_GSC OFFICIAL-SENSITIVE"),
                        java.util.Map.entry("limit", "5"));
        assertThat(QueryString.parse("", KNOWN)).isEmpty();
    }

    @Test
    void anUnknownNameIsNamedOnlyWhenItIsAPlainWord() {
        assertThatThrownBy(() -> QueryString.parse("Limit=5", KNOWN)).hasMessageContaining("'Limit'")
                .hasMessageContaining("limit, marking");
        assertThatThrownBy(() -> QueryString.parse("%3Cscript%3E=1", KNOWN)).hasMessageNotContaining("<script>")
                .hasMessageContaining("not a plain word");
    }

    @Test
    void malformedEncodingAndOverlongQueriesAreRefused() {
        assertThatThrownBy(() -> QueryString.parse("marking=%zz", KNOWN))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.code()).isEqualTo("MALFORMED_QUERY"));
        assertThatThrownBy(() -> QueryString.parse("marking=" + "a".repeat(QueryString.MAX_LENGTH), KNOWN))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.code()).isEqualTo("MALFORMED_QUERY"));
    }

    @Test
    void sanitizedTextKeepsPlainCharactersOnlyAndIsCut() {
        assertThat(Sanitized.text("Case 2026/0042: PS-1 (Europol)", 64)).isEqualTo("Case 2026/0042: PS-1 (Europol)");
        assertThat(Sanitized.text("a\nb<c>\"d\u00e9", 64)).isEqualTo("a?b?c??d?");
        assertThat(Sanitized.text("x".repeat(100), 10)).isEqualTo("xxxxxxxxxx...");
    }
}
