package uk.xborder.gateway.format;

import java.util.Set;
import uk.xborder.gateway.message.GradingScheme;

/**
 * Handling codes that mean nothing without free-text conditions: 3x5x2 C (conditions), 5x5x5 5 (special handling
 * requirements) and Europol H3 (other restrictions). The same three are marked {@code carries_conditions=yes} in
 * {@code tables/scales.csv}. XML Schema 1.0 cannot tie an element's presence to another's value, so the translators
 * enforce it.
 */
final class HandlingRules {

    private static final Set<String> NEED_CONDITIONS = Set.of("UK_3X5X2:C", "UK_5X5X5:5", "EUROPOL:H3");

    private HandlingRules() {
    }

    static boolean needsConditions(GradingScheme scheme, String code) {
        return NEED_CONDITIONS.contains(scheme.name() + ":" + code);
    }
}
