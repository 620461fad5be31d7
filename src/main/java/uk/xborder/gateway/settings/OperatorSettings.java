package uk.xborder.gateway.settings;

/**
 * What operators may do at once ({@code gateway.operator.*}).
 *
 * @param maxBulk a replay or discard by filter (or list) of more exchanges than this needs the operator to confirm
 *                the number they saw ({@code gateway.operator.max-bulk}, default 100, at least 1)
 */
public record OperatorSettings(int maxBulk) {

    static OperatorSettings from(SettingsSource source) {
        return new OperatorSettings(source.integer("gateway.operator.max-bulk", 100, 1));
    }
}
