package uk.xborder.gateway.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.stream.Collectors;

import uk.xborder.gateway.audit.AuditOperation;
import uk.xborder.gateway.audit.AuditOutcome;
import uk.xborder.gateway.audit.log.AuditQuery;

/**
 * Search criteria, checked one by one so that each mistake is answered with its own code and the name of the
 * parameter at fault, and described as text for the consultation's audit event. The same rules apply to query
 * parameters ({@code GET /entries}) and to the fields of a JSON query ({@code POST /export}).
 *
 * @param query       the validated query
 * @param description the criteria as given, normalised ({@code messageId=PS-1; offset=0; limit=100})
 */
public record Criteria(AuditQuery query, String description) {

    /** The criteria that select entries. */
    public static final Set<String> SELECTION = Set.of("messageId", "exchangeId", "caseReference", "agency",
            "partner", "operation", "outcome", "marking", "from", "to");
    /** The selection and a page of it: what a search takes. */
    public static final Set<String> NAMES = Set.of("messageId", "exchangeId", "caseReference", "agency", "partner",
            "operation", "outcome", "marking", "from", "to", "offset", "limit");

    /** Longest value of a text criterion: ample for ids, case references and markings. */
    static final int MAX_TEXT = 200;

    /** A search: the selection and one page of it, {@code limit} entries from {@code offset}. */
    static Criteria page(Map<String, String> values, String noun, int defaultLimit) {
        return parse(values, noun, defaultLimit, true);
    }

    /**
     * Everything the selection matches, as an evidence export takes it: the query's offset and limit are
     * placeholders that the exporter ignores, and are not described.
     */
    static Criteria selection(Map<String, String> values, String noun) {
        return parse(values, noun, AuditQuery.MAX_LIMIT, false);
    }

    /**
     * @param values       criterion name to value, in the order given (names already checked by the caller)
     * @param noun         what the caller calls a criterion: "Parameter" or "Field"
     * @param defaultLimit the page size when none is given
     */
    private static Criteria parse(Map<String, String> values, String noun, int defaultLimit, boolean paged) {
        Map<String, String> described = new LinkedHashMap<>();
        String messageId = text(values, "messageId", noun, described);
        String exchangeId = text(values, "exchangeId", noun, described);
        String caseReference = text(values, "caseReference", noun, described);
        String agency = text(values, "agency", noun, described);
        String partner = text(values, "partner", noun, described);
        AuditOperation operation = choice(values, "operation", AuditOperation.class, "UNKNOWN_OPERATION", noun,
                described);
        AuditOutcome outcome = choice(values, "outcome", AuditOutcome.class, "UNKNOWN_OUTCOME", noun, described);
        String marking = text(values, "marking", noun, described);
        Instant from = instant(values, "from", noun, described);
        Instant to = instant(values, "to", noun, described);
        if (from != null && to != null && !from.isBefore(to)) {
            throw ApiProblem.badRequest("INVALID_RANGE", "'from' must be before 'to' (from is inclusive, to "
                    + "exclusive).");
        }
        int offset = paged ? number(values, "offset", 0, 0, Integer.MAX_VALUE, "INVALID_OFFSET", noun, described) : 0;
        int limit = paged ? number(values, "limit", defaultLimit, 1, AuditQuery.MAX_LIMIT, "INVALID_LIMIT", noun,
                described) : defaultLimit;
        AuditQuery query = new AuditQuery(messageId, exchangeId, caseReference, agency, partner, operation, outcome,
                marking, from, to, offset, limit);
        StringJoiner text = new StringJoiner("; ");
        described.forEach((name, value) -> text.add(name + "=" + value));
        return new Criteria(query, described.isEmpty() ? "none" : text.toString());
    }

    static String text(Map<String, String> values, String name, String noun, Map<String, String> described) {
        String value = values.get(name);
        if (value == null) {
            return null;
        }
        if (value.isBlank()) {
            throw ApiProblem.badRequest("EMPTY_PARAMETER", noun + " '" + name + "' is empty; leave it out to match "
                    + "any value.");
        }
        if (value.length() > MAX_TEXT) {
            throw ApiProblem.badRequest("PARAMETER_TOO_LONG", noun + " '" + name + "' is longer than " + MAX_TEXT
                    + " characters.");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw ApiProblem.badRequest("INVALID_PARAMETER", noun + " '" + name + "' contains control characters.");
        }
        described.put(name, value);
        return value;
    }

    static <E extends Enum<E>> E choice(Map<String, String> values, String name, Class<E> type, String code,
                                                String noun, Map<String, String> described) {
        String value = values.get(name);
        if (value == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value.strip().toUpperCase(Locale.ROOT))) {
                described.put(name, constant.name());
                return constant;
            }
        }
        String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        throw ApiProblem.badRequest(code, noun + " '" + name + "' must be one of " + allowed + ".");
    }

    static Instant instant(Map<String, String> values, String name, String noun,
                                   Map<String, String> described) {
        String value = values.get(name);
        if (value == null) {
            return null;
        }
        Instant instant;
        try {
            instant = Instant.parse(value.strip());
        } catch (DateTimeParseException notUtc) {
            try {
                instant = OffsetDateTime.parse(value.strip()).toInstant();
            } catch (DateTimeParseException e) {
                throw ApiProblem.badRequest("INVALID_INSTANT", noun + " '" + name + "' must be an ISO-8601 instant "
                        + "such as 2026-01-31T12:00:00Z.");
            }
        }
        described.put(name, instant.toString());
        return instant;
    }

    static int number(Map<String, String> values, String name, int fallback, int min, int max, String code,
                              String noun, Map<String, String> described) {
        String value = values.get(name);
        int number = fallback;
        if (value != null) {
            try {
                number = Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                number = Integer.MIN_VALUE;
            }
            if (number < min || number > max) {
                throw ApiProblem.badRequest(code, noun + " '" + name + "' must be a whole number from " + min
                        + (max == Integer.MAX_VALUE ? " up" : " to " + max) + ".");
            }
        }
        described.put(name, Integer.toString(number));
        return number;
    }
}
