package uk.xborder.gateway.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Strict reading of a raw query string: every parameter known to the endpoint, given once, percent-encoded UTF-8.
 * A misspelt criterion ({@code exchangeID=...}) is refused rather than ignored, because ignoring it would widen the
 * search and disclose more than the person asked for.
 */
final class QueryString {

    /** A query string longer than this is refused unread. */
    static final int MAX_LENGTH = 4096;

    private QueryString() {
    }

    /** The parameters, in the order given, decoded. */
    static Map<String, String> parse(String raw, Set<String> known) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return parameters;
        }
        if (raw.length() > MAX_LENGTH) {
            throw ApiProblem.badRequest("MALFORMED_QUERY", "The query string is longer than " + MAX_LENGTH
                    + " characters.");
        }
        for (String pair : raw.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (!known.contains(name)) {
                throw ApiProblem.badRequest("UNKNOWN_PARAMETER", "Unknown parameter " + quoted(name)
                        + "; this endpoint takes " + (known.isEmpty() ? "no parameters" : String.join(", ",
                        known.stream().sorted().toList())) + ".");
            }
            if (parameters.containsKey(name)) {
                throw ApiProblem.badRequest("REPEATED_PARAMETER", "Parameter '" + name + "' is given more than once.");
            }
            parameters.put(name, value);
        }
        return Collections.unmodifiableMap(parameters);
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("MALFORMED_QUERY", "The query string has a malformed percent-encoding.");
        }
    }

    /** Names the caller's parameter only when it is a plain word; anything else is not repeated back. */
    static String quoted(String name) {
        return name.matches("[A-Za-z0-9_.-]{1,40}") ? "'" + name + "'" : "(a name that is not a plain word)";
    }
}
