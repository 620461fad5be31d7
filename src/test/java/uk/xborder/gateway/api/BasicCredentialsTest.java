package uk.xborder.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class BasicCredentialsTest {

    @Test
    void readsNameAndPasswordWhichMayHoldColonsAndNonAscii() {
        try (BasicCredentials credentials = BasicCredentials.parse(basic("zoë", "pa:ss wörd")).orElseThrow()) {
            assertThat(credentials.username()).isEqualTo("zoë");
            assertThat(new String(credentials.password())).isEqualTo("pa:ss wörd");
            assertThat(credentials.toString()).doesNotContain("pa:ss").contains("hidden");
        }
    }

    @Test
    void theSchemeIsCaseInsensitiveAndClosingWipesThePassword() {
        BasicCredentials credentials = BasicCredentials.parse("bAsIc " + encode("a:secret")).orElseThrow();
        char[] password = credentials.password();

        credentials.close();

        assertThat(password).containsOnly('\0');
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Basic", "Basic ", "Bearer abc", "Basic not*base64", "Basic bm9jb2xvbg==",
            "Basic OnBhc3N3b3Jk", "Digest username=\"a\""})
    void malformedHeadersAreNoCredentials(String header) {
        // bm9jb2xvbg== is "nocolon"; OnBhc3N3b3Jk is ":password" (no user name)
        assertThat(BasicCredentials.parse(header)).isEmpty();
    }

    @Test
    void invalidUtf8AndOverlongHeadersAreNoCredentials() {
        String latin1 = "Basic " + Base64.getEncoder().encodeToString(new byte[] {'a', ':', (byte) 0xE9});
        String overlong = basic("a", "x".repeat(BasicCredentials.MAX_HEADER_LENGTH));

        assertThat(BasicCredentials.parse(latin1)).isEmpty();
        assertThat(BasicCredentials.parse(overlong)).isEmpty();
        assertThat(BasicCredentials.parse(null)).isEmpty();
    }

    private static String basic(String user, String password) {
        return "Basic " + encode(user + ":" + password);
    }

    private static String encode(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
