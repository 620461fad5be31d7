package uk.xborder.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The strict, bounded reading of a JSON body that every POST operation of the REST layer takes. */
class JsonBodyTest {

    private static final JsonBody REPLAY = new JsonBody("the replay request", "{} replays as received",
            "naming what to replay", 64);

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/json; charset=utf-8", "Application/JSON",
            " application/json ;charset=UTF-8"})
    void aJsonObjectSentAsJsonIsRead(String contentType) {
        ObjectNode body = REPLAY.read(contentType, bytes("{\"exchangeId\": \"x-1\", \"note\": null}"));

        assertThat(body.get("exchangeId").asText()).isEqualTo("x-1");
        assertThat(body.get("note").isNull()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "application/jsonp",
            "application/json-patch+json", ""})
    void anyOtherContentTypeIs415NamingJson(String contentType) {
        assertProblem(() -> REPLAY.read(contentType, bytes("{}")), 415, "UNSUPPORTED_MEDIA_TYPE",
                "Send the replay request as JSON (Content-Type: application/json).");
    }

    @Test
    void noContentTypeIs415() {
        assertProblem(() -> REPLAY.read(null, bytes("{}")), 415, "UNSUPPORTED_MEDIA_TYPE", "application/json");
    }

    @Test
    void aMissingBodyIs400SayingWhatToSend() {
        assertProblem(() -> REPLAY.read("application/json", null), 400, "MISSING_BODY",
                "Send the replay request as a JSON object; {} replays as received.");
        assertProblem(() -> REPLAY.read("application/json", new byte[0]), 400, "MISSING_BODY", "JSON object");
        JsonBody bare = new JsonBody("the request", null, "of fields", 64);
        assertProblem(() -> bare.read("application/json", null), 400, "MISSING_BODY",
                "Send the request as a JSON object.");
    }

    @Test
    void aBodyBeyondTheBoundIs413BeforeItIsParsed() {
        String exactly = "{\"a\": \"" + "x".repeat(64 - 9) + "\"}";
        assertThat(exactly).hasSize(64);
        assertThat(REPLAY.read("application/json", bytes(exactly)).get("a").asText()).hasSize(55);

        // one byte more, and not even JSON: refused for its size, unread
        assertProblem(() -> REPLAY.read("application/json", bytes("[" + "x".repeat(64))), 413, "BODY_TOO_LARGE",
                "The replay request is larger than 64 bytes.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\": 1, \"a\": 2}", "{\"a\": ", "{} {}", "{\"a\": 1} x", "not json"})
    void malformedOrRepeatedFieldsAre400(String body) {
        assertProblem(() -> REPLAY.read("application/json", bytes(body)), 400, "MALFORMED_JSON",
                "The body is not one well-formed JSON object (or repeats a field).");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"text\"", "42", "null", "   "})
    void anythingButAnObjectIs400NamingTheShape(String body) {
        assertProblem(() -> REPLAY.read("application/json", bytes(body)), 400, "MALFORMED_JSON",
                "The body must be a JSON object naming what to replay.");
    }

    @Test
    void aRuleNeedsANameAShapeAndABound() {
        assertThatThrownBy(() -> new JsonBody(" ", null, "of x", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JsonBody("x", null, null, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JsonBody("x", null, "of x", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertProblem(Runnable read, int status, String code, String sentence) {
        assertThatThrownBy(read::run).isInstanceOfSatisfying(ApiProblem.class, problem -> {
            assertThat(problem.status()).isEqualTo(status);
            assertThat(problem.code()).isEqualTo(code);
            assertThat(problem.getMessage()).contains(sentence);
            assertThat(problem.isRefusal()).isTrue();
        });
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
