package uk.xborder.gateway.message;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Translates protective markings between UK Government Security Classifications and EU classification levels,
 * using {@code tables/classification.csv}. A conversion never lowers protection: where levels are not equivalent
 * the higher one is used (e.g. UK SECRET becomes SECRET-UE, never CONFIDENTIEL-UE).
 *
 * <p>Immutable and thread-safe. Load once and share the instance.
 */
public final class MarkingTable {

    private final Scales scales;
    private final MappingTable table;

    private MarkingTable(Scales scales, MappingTable table) {
        this.scales = scales;
        this.table = table;
    }

    /** The table packaged in the jar; throws {@link InvalidTableException} naming file and line on a bad table. */
    public static MarkingTable loadDefault() {
        return load(TableSource.classpath());
    }

    /** The table in {@code dir}; throws {@link InvalidTableException} naming file and line on a bad table. */
    public static MarkingTable load(Path dir) {
        return load(TableSource.directory(dir));
    }

    private static MarkingTable load(TableSource source) {
        Scales scales = Scales.load(source);
        return new MarkingTable(scales, MappingTable.load(source, scales, Dimension.CLASSIFICATION));
    }

    /** e.g. {@code scales=2026.1;classification=2026.1}. */
    public String version() {
        return "scales=" + scales.version() + ";" + table.tableId() + "=" + table.version();
    }

    /**
     * {@code level} expressed in {@code to}'s scheme, never lower; unchanged within one scheme.
     *
     * @throws NoSafeMappingException when the level is unknown or no level is safe
     */
    public String convert(ClassificationScheme from, String level, ClassificationScheme to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        return table.translate(from.name(), level, to.name());
    }

    /**
     * Is a message marked ({@code scheme}, {@code level}) above the ceiling ({@code ceilingScheme},
     * {@code ceilingLevel})? The marking is first converted into the ceiling's scheme without lowering it, then
     * compared there; so UK SECRET exceeds CONFIDENTIEL-UE because it can only be sent as SECRET-UE.
     *
     * @throws NoSafeMappingException when the message's level is unknown or cannot be converted
     * @throws IllegalArgumentException when the ceiling is not a known level (a configuration error, not the
     *                                  sender's)
     */
    public boolean exceeds(ClassificationScheme scheme, String level, ClassificationScheme ceilingScheme,
                           String ceilingLevel) {
        Objects.requireNonNull(ceilingScheme, "ceilingScheme");
        if (!isKnown(ceilingScheme, ceilingLevel)) {
            throw new IllegalArgumentException("ceiling " + ceilingScheme + " " + Explanations.quote(ceilingLevel)
                    + " is not a known level");
        }
        String converted = convert(scheme, level, ceilingScheme);
        return table.rank(ceilingScheme.name(), converted) > table.rank(ceilingScheme.name(), ceilingLevel);
    }

    /** Is {@code level} a level of {@code scheme}? Exact spelling; {@code null} is not. */
    public boolean isKnown(ClassificationScheme scheme, String level) {
        Objects.requireNonNull(scheme, "scheme");
        return table.isKnown(scheme.name(), level);
    }

    @Override
    public String toString() {
        return "MarkingTable[" + version() + "]";
    }
}
