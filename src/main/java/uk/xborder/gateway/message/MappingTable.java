package uk.xborder.gateway.message;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One mapping file ({@code grading-source.csv}, {@code grading-information.csv}, {@code handling.csv} or
 * {@code classification.csv}), checked as it is loaded so that an unsafe edit stops the gateway from starting rather
 * than reaching a partner:
 * <ul>
 *   <li>every code is a code of its scheme in {@code scales.csv};</li>
 *   <li>no row breaks the dimension's invariant (raises reliability, loosens handling, lowers protection);</li>
 *   <li>every row has a rationale and a citation;</li>
 *   <li>every code of every scheme has exactly one row per direction (no gaps, no duplicates);</li>
 *   <li>handling: a row onto a code that carries conditions states the condition, and conditions on the original
 *       are never dropped.</li>
 * </ul>
 */
final class MappingTable {

    static final List<String> COLUMNS = List.of("from_scheme", "from_code", "to_scheme", "to_code", "rationale", "source");
    static final List<String> HANDLING_COLUMNS =
            List.of("from_scheme", "from_code", "to_scheme", "to_code", "condition", "rationale", "source");

    /** One row. {@code target} is empty for a REFUSE row; {@code condition} is empty when none is attached. */
    record Mapping(Optional<String> target, String condition, String rationale, int line) {
    }

    private record Key(String fromScheme, String fromCode, String toScheme) {
    }

    private final Dimension dimension;
    private final Scales scales;
    private final String tableId;
    private final String version;
    private final Map<Key, Mapping> rows;

    private MappingTable(Dimension dimension, Scales scales, String version, Map<Key, Mapping> rows) {
        this.dimension = dimension;
        this.scales = scales;
        this.tableId = dimension.tableFile().replace(".csv", "");
        this.version = version;
        this.rows = rows;
    }

    static MappingTable load(TableSource source, Scales scales, Dimension dimension) {
        boolean handling = dimension == Dimension.HANDLING;
        TableFile table = TableFile.read(source, dimension.tableFile(), handling ? HANDLING_COLUMNS : COLUMNS);
        Map<Key, Mapping> rows = new HashMap<>();
        for (TableFile.Row row : table.rows()) {
            String fromScheme = scheme(row, "from_scheme", dimension);
            String toScheme = scheme(row, "to_scheme", dimension);
            if (fromScheme.equals(toScheme)) {
                throw row.error("from_scheme and to_scheme are both " + fromScheme
                        + "; a scheme translates to itself unchanged and needs no row");
            }
            String fromCode = row.required("from_code");
            Scales.Grade from = scales.find(fromScheme, dimension, fromCode).orElseThrow(() -> row.error(
                    "unknown " + fromScheme + " " + dimension.label() + " code '" + fromCode + "' (not in "
                            + Scales.FILE + ")"));
            String toCode = row.required("to_code");
            String condition = handling ? row.get("condition") : "";
            String rationale = row.required("rationale");
            row.required("source");

            Optional<String> target;
            if (toCode.equals(Scales.REFUSE)) {
                if (!condition.isEmpty()) {
                    throw row.error("a REFUSE row sends nothing, so it cannot attach a condition");
                }
                target = Optional.empty();
            } else {
                Scales.Grade to = scales.find(toScheme, dimension, toCode).orElseThrow(() -> row.error(
                        "unknown " + toScheme + " " + dimension.label() + " code '" + toCode + "' (not in "
                                + Scales.FILE + "; use REFUSE when no code is safe)"));
                if (!dimension.permits(from.rank(), to.rank())) {
                    throw row.error(fromScheme + " '" + fromCode + "' -> " + toScheme + " '" + toCode + "' "
                            + dimension.violation() + " (rank " + from.rank() + " -> " + to.rank() + " in "
                            + Scales.FILE + "); choose a safer code or REFUSE");
                }
                if (handling) {
                    checkCondition(row, from, to, condition);
                }
                target = Optional.of(toCode);
            }
            Mapping earlier = rows.putIfAbsent(new Key(fromScheme, fromCode, toScheme),
                    new Mapping(target, condition, rationale, row.line()));
            if (earlier != null) {
                throw row.error("duplicate row for " + fromScheme + " '" + fromCode + "' -> " + toScheme
                        + " (first on line " + earlier.line() + ")");
            }
        }
        for (String fromScheme : dimension.schemes()) {
            for (String toScheme : dimension.schemes()) {
                if (fromScheme.equals(toScheme)) {
                    continue;
                }
                for (Scales.Grade grade : scales.codes(fromScheme, dimension)) {
                    if (!rows.containsKey(new Key(fromScheme, grade.code(), toScheme))) {
                        throw new InvalidTableException(table.file(), 0,
                                "missing row for " + fromScheme + " '" + grade.code() + "' -> " + toScheme
                                        + " (the code is defined on " + Scales.FILE + " line " + grade.line()
                                        + "; every code needs exactly one row per direction, REFUSE if none is safe)");
                    }
                }
            }
        }
        return new MappingTable(dimension, scales, table.version(), Map.copyOf(rows));
    }

    /**
     * The code in {@code toScheme} for {@code code} in {@code fromScheme}: unchanged within one scheme, otherwise
     * from the table.
     *
     * @throws NoSafeMappingException when the code is unknown or the table says REFUSE
     */
    String translate(String fromScheme, String code, String toScheme) {
        return lookup(fromScheme, code, toScheme).flatMap(Mapping::target).orElse(code);
    }

    /** The condition to attach to the translated code; empty within one scheme or when the row has none. */
    Optional<String> condition(String fromScheme, String code, String toScheme) {
        return lookup(fromScheme, code, toScheme).map(Mapping::condition).filter(c -> !c.isEmpty());
    }

    /** The rank of a known code on this dimension's ladder. */
    int rank(String scheme, String code) {
        return scales.find(scheme, dimension, code)
                .orElseThrow(() -> new IllegalArgumentException("unknown " + scheme + " " + dimension.label()
                        + " code " + Explanations.quote(code)))
                .rank();
    }

    boolean isKnown(String scheme, String code) {
        return scales.find(scheme, dimension, code).isPresent();
    }

    String tableId() {
        return tableId;
    }

    String version() {
        return version;
    }

    /** Empty for a same-scheme translation of a known code; the row otherwise. Throws when there is no safe code. */
    private Optional<Mapping> lookup(String fromScheme, String code, String toScheme) {
        if (scales.find(fromScheme, dimension, code).isEmpty()) {
            throw new NoSafeMappingException(fromScheme + " " + dimension.label() + " code "
                    + Explanations.quote(code) + " is not a known code, so it has no safe mapping to " + toScheme
                    + " (" + tableId + " " + version + ")");
        }
        if (fromScheme.equals(toScheme)) {
            return Optional.empty();
        }
        Mapping mapping = rows.get(new Key(fromScheme, code, toScheme));
        if (mapping == null || mapping.target().isEmpty()) {
            // A missing row cannot happen after load() checked completeness; refusing is still the safe answer.
            String why = mapping == null ? "the table has no row for it" : mapping.rationale();
            throw new NoSafeMappingException("No safe mapping for " + fromScheme + " " + dimension.label() + " '"
                    + code + "' to " + toScheme + ": " + why + " (" + tableId + " " + version + ")");
        }
        return Optional.of(mapping);
    }

    private static String scheme(TableFile.Row row, String column, Dimension dimension) {
        String value = row.required(column);
        if (!dimension.schemes().contains(value)) {
            throw row.error(column + " '" + value + "' is not one of " + dimension.schemes());
        }
        return value;
    }

    private static void checkCondition(TableFile.Row row, Scales.Grade from, Scales.Grade to, String condition) {
        if (from.carriesConditions() && !to.carriesConditions()) {
            throw row.error(from.scheme() + " '" + from.code() + "' carries free-text conditions but "
                    + to.scheme() + " '" + to.code() + "' cannot carry them, so they would be lost");
        }
        if (to.carriesConditions() && condition.isBlank()) {
            throw row.error(to.scheme() + " '" + to.code() + "' carries conditions: column 'condition' must state"
                    + " the condition to attach");
        }
        if (!to.carriesConditions() && !condition.isEmpty()) {
            throw row.error(to.scheme() + " '" + to.code() + "' cannot carry a condition, so column 'condition'"
                    + " must be empty (the condition would be silently lost)");
        }
    }
}
