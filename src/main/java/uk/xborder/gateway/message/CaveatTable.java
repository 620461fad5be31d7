package uk.xborder.gateway.message;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code tables/caveats.csv}: the caveats of a protective marking that limit who may receive a message, each with
 * its audience, the jurisdictions (as the partner directory writes them) whose recipients it admits. Checked as it
 * is loaded, so that a bad edit stops the gateway rather than lets material out:
 * <ul>
 *   <li>every caveat is spelled as a message can carry it (the canonical schema's caveat token), and is listed
 *       once;</li>
 *   <li>every audience is a non-empty list of distinct jurisdiction codes and includes {@code UK}: the gateway
 *       serves UK agencies, and a caveat an agency sets can never exclude the UK itself;</li>
 *   <li>every row has a rationale and a citation.</li>
 * </ul>
 *
 * <p>A caveat the table does not list is unknown; what that means for a recipient is the policy's decision
 * ({@code policy.CaveatAudience}). Immutable and thread-safe. Load once and share the instance.
 */
public final class CaveatTable {

    static final String FILE = "caveats.csv";
    static final List<String> COLUMNS = List.of("caveat", "audience", "rationale", "source");
    /** The canonical schema's CaveatToken: a row no message can match would be dead, and hides a typo. */
    static final Pattern CAVEAT = Pattern.compile("[A-Z0-9][A-Z0-9 /\\-]{0,63}");
    private static final Pattern JURISDICTION = Pattern.compile("[A-Z]{2}");
    private static final String UNITED_KINGDOM = "UK";

    /**
     * One caveat of the table.
     *
     * @param audience  the distinct jurisdictions whose recipients may receive material under it, in the
     *                  table's order
     * @param rationale why, as the table states it
     */
    public record Caveat(String name, List<String> audience, String rationale) {

        public Caveat {
            audience = List.copyOf(audience);
        }

        /** Whether a recipient of this jurisdiction may receive material under the caveat. */
        public boolean admits(String jurisdiction) {
            return jurisdiction != null && audience.contains(jurisdiction);
        }
    }

    private final String version;
    private final Map<String, Caveat> caveats;

    private CaveatTable(String version, Map<String, Caveat> caveats) {
        this.version = version;
        this.caveats = caveats;
    }

    /** The table packaged in the jar; throws {@link InvalidTableException} naming file and line on a bad table. */
    public static CaveatTable loadDefault() {
        return load(TableSource.classpath());
    }

    /** The table in {@code dir}; throws {@link InvalidTableException} naming file and line on a bad table. */
    public static CaveatTable load(Path dir) {
        return load(TableSource.directory(dir));
    }

    private static CaveatTable load(TableSource source) {
        TableFile table = TableFile.read(source, FILE, COLUMNS);
        Map<String, Caveat> caveats = new HashMap<>();
        Map<String, Integer> lines = new HashMap<>();
        for (TableFile.Row row : table.rows()) {
            String name = row.required("caveat");
            if (!CAVEAT.matcher(name).matches() || name.contains("  ")) {
                throw row.error("caveat '" + name + "' is not spelled as a message can carry it (capital letters,"
                        + " digits, single spaces, '-' and '/', at most 64 characters)");
            }
            List<String> audience = audience(row);
            String rationale = row.required("rationale");
            row.required("source");
            Integer earlier = lines.putIfAbsent(name, row.line());
            if (earlier != null) {
                throw row.error("duplicate row for caveat '" + name + "' (first on line " + earlier + ")");
            }
            caveats.put(name, new Caveat(name, audience, rationale));
        }
        return new CaveatTable(table.version(), Map.copyOf(caveats));
    }

    private static List<String> audience(TableFile.Row row) {
        String value = row.required("audience");
        List<String> jurisdictions = List.of(value.split(" ", -1));
        Set<String> seen = new LinkedHashSet<>();
        for (String jurisdiction : jurisdictions) {
            if (!JURISDICTION.matcher(jurisdiction).matches()) {
                throw row.error("audience '" + value + "' must be jurisdiction codes (two capital letters, as the"
                        + " partner directory writes them) separated by single spaces");
            }
            if (!seen.add(jurisdiction)) {
                throw row.error("audience '" + value + "' names " + jurisdiction + " twice");
            }
        }
        if (!seen.contains(UNITED_KINGDOM)) {
            throw row.error("audience '" + value + "' does not include UK; a caveat a UK agency sets never"
                    + " excludes the UK, and an unknown caveat already reaches UK recipients");
        }
        return List.copyOf(seen);
    }

    /** e.g. {@code caveats=2026.1}; named in refusals so that an auditor can tell which table decided. */
    public String version() {
        return FILE.replace(".csv", "") + "=" + version;
    }

    /** The caveat as the table lists it; empty when it is unknown. Exact spelling; {@code null} is unknown. */
    public Optional<Caveat> find(String caveat) {
        return caveat == null ? Optional.empty() : Optional.ofNullable(caveats.get(caveat));
    }

    @Override
    public String toString() {
        return "CaveatTable[" + version() + "]";
    }
}
