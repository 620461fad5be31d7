package uk.xborder.gateway.message;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code scales.csv}: every code of every scheme with its rank on the common ladder of its dimension. The mapping
 * tables may only use codes listed here, and their rows are checked against these ranks.
 */
final class Scales {

    static final String FILE = "scales.csv";
    static final List<String> COLUMNS =
            List.of("scheme", "dimension", "code", "rank", "carries_conditions", "meaning", "source");
    /** The word a mapping row uses for "no safe code"; never a code itself. */
    static final String REFUSE = "REFUSE";
    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]*");
    private static final int MAX_RANK = 99;

    /** One code of one scheme. {@code line} is where scales.csv defines it, for error messages. */
    record Grade(String scheme, Dimension dimension, String code, int rank, boolean carriesConditions,
                 String meaning, int line) {
    }

    private record Key(String scheme, Dimension dimension, String code) {
    }

    private final String file;
    private final String version;
    private final Map<Key, Grade> grades;
    private final Map<String, List<Grade>> byScale; // "scheme/dimension" -> codes in file order

    private Scales(String file, String version, Map<Key, Grade> grades, Map<String, List<Grade>> byScale) {
        this.file = file;
        this.version = version;
        this.grades = grades;
        this.byScale = byScale;
    }

    static Scales load(TableSource source) {
        TableFile table = TableFile.read(source, FILE, COLUMNS);
        Map<Key, Grade> grades = new HashMap<>();
        Map<String, List<Grade>> byScale = new LinkedHashMap<>();
        for (TableFile.Row row : table.rows()) {
            Dimension dimension = dimension(row);
            String scheme = row.required("scheme");
            if (!dimension.schemes().contains(scheme)) {
                throw row.error("scheme '" + scheme + "' is not one of " + dimension.schemes()
                        + " for dimension " + dimension);
            }
            String code = row.required("code");
            if (!CODE.matcher(code).matches() || code.equals(REFUSE)) {
                throw row.error("code '" + code + "' is not a valid code (capital letters, digits and '-'; "
                        + "'REFUSE' is reserved)");
            }
            int rank = rank(row);
            boolean carriesConditions = yesNo(row, "carries_conditions");
            if (carriesConditions && dimension != Dimension.HANDLING) {
                throw row.error("only handling codes can carry conditions");
            }
            String meaning = row.required("meaning");
            row.required("source");
            Grade grade = new Grade(scheme, dimension, code, rank, carriesConditions, meaning, row.line());
            Grade earlier = grades.putIfAbsent(new Key(scheme, dimension, code), grade);
            if (earlier != null) {
                throw row.error("duplicate code " + scheme + " " + dimension + " '" + code
                        + "' (first defined on line " + earlier.line() + ")");
            }
            byScale.computeIfAbsent(scheme + "/" + dimension, k -> new ArrayList<>()).add(grade);
        }
        for (Dimension dimension : Dimension.values()) {
            for (String scheme : dimension.schemes()) {
                if (!byScale.containsKey(scheme + "/" + dimension)) {
                    throw new InvalidTableException(table.file(), 0,
                            "no codes for " + scheme + " " + dimension + "; every scheme needs its full scale");
                }
            }
        }
        byScale.replaceAll((k, v) -> List.copyOf(v));
        return new Scales(table.file(), table.version(), Map.copyOf(grades), Map.copyOf(byScale));
    }

    Optional<Grade> find(String scheme, Dimension dimension, String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(grades.get(new Key(scheme, dimension, code)));
    }

    /** Every code of one scheme in one dimension, in file order. */
    List<Grade> codes(String scheme, Dimension dimension) {
        return byScale.getOrDefault(scheme + "/" + dimension, List.of());
    }

    String file() {
        return file;
    }

    String version() {
        return version;
    }

    private static Dimension dimension(TableFile.Row row) {
        String value = row.required("dimension");
        for (Dimension d : Dimension.values()) {
            if (d.name().equals(value)) {
                return d;
            }
        }
        throw row.error("dimension '" + value + "' is not one of SOURCE, INFORMATION, HANDLING, CLASSIFICATION");
    }

    private static int rank(TableFile.Row row) {
        String value = row.required("rank");
        if (!value.matches("[0-9]{1,2}")) {
            throw row.error("rank '" + value + "' is not a whole number from 0 to " + MAX_RANK);
        }
        return Integer.parseInt(value);
    }

    private static boolean yesNo(TableFile.Row row, String column) {
        String value = row.required(column);
        return switch (value) {
            case "yes" -> true;
            case "no" -> false;
            default -> throw row.error("column '" + column + "' must be yes or no but is '" + value + "'");
        };
    }
}
