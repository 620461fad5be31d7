package uk.xborder.gateway.message;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Translates intelligence grading (source evaluation, information assessment, handling code) between UK 3x5x2,
 * UK legacy 5x5x5 and Europol codes, using the versioned tables in {@code tables/}. A translation never raises a
 * reliability grade and never loosens handling: the loader refuses any table row that would, and where the tables
 * say no code is safe the methods throw {@link NoSafeMappingException}.
 *
 * <p>Immutable and thread-safe. Loading parses and checks the tables; load once and share the instance.
 */
public final class GradingTables {

    private final Scales scales;
    private final Map<Dimension, MappingTable> tables;

    private GradingTables(Scales scales, Map<Dimension, MappingTable> tables) {
        this.scales = scales;
        this.tables = tables;
    }

    /**
     * The tables packaged in the jar ({@code classpath:tables/}).
     *
     * @throws InvalidTableException (an {@link IllegalStateException}) naming file and line, on any bad table
     */
    public static GradingTables loadDefault() {
        return load(TableSource.classpath());
    }

    /**
     * The tables in {@code dir} (same file names as {@code tables/}).
     *
     * @throws InvalidTableException (an {@link IllegalStateException}) naming file and line, on any bad table
     */
    public static GradingTables load(Path dir) {
        return load(TableSource.directory(dir));
    }

    private static GradingTables load(TableSource source) {
        Scales scales = Scales.load(source);
        Map<Dimension, MappingTable> tables = new EnumMap<>(Dimension.class);
        for (GradingDimension d : GradingDimension.values()) {
            Dimension dimension = Dimension.of(d);
            tables.put(dimension, MappingTable.load(source, scales, dimension));
        }
        return new GradingTables(scales, tables);
    }

    /**
     * The versions of the loaded tables, e.g.
     * {@code scales=2026.1;grading-source=2026.1;grading-information=2026.1;handling=2026.1}; recorded with each
     * translation so that an auditor can tell which table produced it.
     */
    public String version() {
        StringBuilder out = new StringBuilder("scales=").append(scales.version());
        for (MappingTable table : tables.values()) {
            out.append(';').append(table.tableId()).append('=').append(table.version());
        }
        return out.toString();
    }

    /** Source evaluation in {@code to}'s scheme; never more reliable than the original. */
    public String sourceEvaluation(GradingScheme from, String code, GradingScheme to) {
        return translate(GradingDimension.SOURCE, from, code, to);
    }

    /** Information / intelligence assessment in {@code to}'s scheme; never more confident than the original. */
    public String informationAssessment(GradingScheme from, String code, GradingScheme to) {
        return translate(GradingDimension.INFORMATION, from, code, to);
    }

    /**
     * Handling code in {@code to}'s scheme; never less restrictive than the original. When the result is a code that
     * carries free-text conditions (3x5x2 C, Europol H3, 5x5x5 5), {@link #handlingCondition} gives the text to
     * attach; any free-text conditions on the original must be carried as well.
     */
    public String handlingCode(GradingScheme from, String code, GradingScheme to) {
        return translate(GradingDimension.HANDLING, from, code, to);
    }

    /**
     * The condition the translator must attach alongside {@link #handlingCode} (e.g. "Europol H2: not to be
     * disseminated without the permission of the provider" when H2 becomes 3x5x2 C). Empty within one scheme and
     * when the target code needs none. Throws exactly when {@link #handlingCode} throws.
     */
    public Optional<String> handlingCondition(GradingScheme from, String code, GradingScheme to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        return tables.get(Dimension.HANDLING).condition(from.name(), code, to.name());
    }

    /**
     * Whether handling {@code code} of {@code scheme} restricts onward use at least as much as {@code referenceCode}
     * of {@code referenceScheme}: its rank on the HANDLING ladder of {@code scales.csv}, which all three schemes
     * share, is at least the reference's.
     *
     * @throws IllegalArgumentException when either is not a handling code of its scheme
     */
    public boolean handlingAtLeastAsRestrictive(GradingScheme scheme, String code, GradingScheme referenceScheme,
                                                String referenceCode) {
        return handlingRank(scheme, code) >= handlingRank(referenceScheme, referenceCode);
    }

    private int handlingRank(GradingScheme scheme, String code) {
        Objects.requireNonNull(scheme, "scheme");
        return scales.find(scheme.name(), Dimension.HANDLING, code).map(Scales.Grade::rank)
                .orElseThrow(() -> new IllegalArgumentException("'" + code + "' is not a handling code of " + scheme));
    }

    /** Is {@code code} a code of {@code scheme} in {@code dimension}? Exact spelling; {@code null} is not. */
    public boolean isKnown(GradingScheme scheme, GradingDimension dimension, String code) {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(dimension, "dimension");
        return tables.get(Dimension.of(dimension)).isKnown(scheme.name(), code);
    }

    private String translate(GradingDimension dimension, GradingScheme from, String code, GradingScheme to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        return tables.get(Dimension.of(dimension)).translate(from.name(), code, to.name());
    }

    @Override
    public String toString() {
        return "GradingTables[" + version() + "]";
    }
}
