package uk.xborder.gateway.format;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * A one-to-one mapping between a format's code list and the canonical one (message types, priorities, data-subject
 * categories...). Built complete or not at all: a code added to either schema without a mapping fails at start-up,
 * not on the first message that uses it.
 *
 * @param <F> the format's enumeration
 * @param <C> the canonical enumeration
 */
final class Vocabulary<F extends Enum<F>, C extends Enum<C>> {

    private final Map<F, C> toCanonical;
    private final Map<C, F> fromCanonical;

    private Vocabulary(Map<F, C> toCanonical, Map<C, F> fromCanonical) {
        this.toCanonical = toCanonical;
        this.fromCanonical = fromCanonical;
    }

    /** Pairs constants with equal names. */
    static <F extends Enum<F>, C extends Enum<C>> Vocabulary<F, C> sameNames(Class<F> format, Class<C> canonical) {
        Builder<F, C> builder = between(format, canonical);
        for (F code : format.getEnumConstants()) {
            builder.pair(code, Enum.valueOf(canonical, code.name()));
        }
        return builder.build();
    }

    static <F extends Enum<F>, C extends Enum<C>> Builder<F, C> between(Class<F> format, Class<C> canonical) {
        return new Builder<>(format, canonical);
    }

    C canonical(F code) {
        return code == null ? null : toCanonical.get(code);
    }

    F format(C code) {
        return code == null ? null : fromCanonical.get(code);
    }

    static final class Builder<F extends Enum<F>, C extends Enum<C>> {
        private final Class<F> format;
        private final Class<C> canonical;
        private final Map<F, C> toCanonical;
        private final Map<C, F> fromCanonical;

        private Builder(Class<F> format, Class<C> canonical) {
            this.format = format;
            this.canonical = canonical;
            this.toCanonical = new EnumMap<>(format);
            this.fromCanonical = new EnumMap<>(canonical);
        }

        Builder<F, C> pair(F formatCode, C canonicalCode) {
            if (toCanonical.put(Objects.requireNonNull(formatCode), Objects.requireNonNull(canonicalCode)) != null
                    || fromCanonical.put(canonicalCode, formatCode) != null) {
                throw new IllegalStateException("Mapped twice: " + formatCode + " / " + canonicalCode);
            }
            return this;
        }

        Vocabulary<F, C> build() {
            if (toCanonical.size() != format.getEnumConstants().length
                    || fromCanonical.size() != canonical.getEnumConstants().length) {
                throw new IllegalStateException("Incomplete mapping between " + format.getName() + " and "
                        + canonical.getName());
            }
            return new Vocabulary<>(Map.copyOf(toCanonical), Map.copyOf(fromCanonical));
        }
    }
}
