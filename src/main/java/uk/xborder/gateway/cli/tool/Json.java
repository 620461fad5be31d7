package uk.xborder.gateway.cli.tool;

import java.io.IOException;
import java.io.PrintWriter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** JSON as the tools read and write it: through Jackson, printed indented for people and parseable by programs. */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The document, or null if the bytes are not JSON. */
    public static JsonNode readOrNull(byte[] bytes) {
        try {
            return MAPPER.readTree(bytes);
        } catch (IOException e) {
            return null;
        }
    }

    public static void print(PrintWriter out, JsonNode document) {
        try {
            out.println(MAPPER.writeValueAsString(document));
            out.flush();
        } catch (IOException e) {
            throw new IllegalStateException("a JSON document could not be written", e);
        }
    }
}
