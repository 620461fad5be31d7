package uk.xborder.gateway.testsupport;

import java.util.Arrays;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * One generated input for a {@link RefusalProperty}: the bytes, and how they were made (the recipe names the seed
 * document and each mutation, so a failure reads as "XInclude inserted at 412 into police-scotland/valid/...").
 * {@link #toString()} is short whatever the size: the recipe, the length and a preview of both ends.
 */
public record HostileInput(String recipe, byte[] bytes) {

    private static final int HEAD = 240;
    private static final int TAIL = 80;

    /**
     * Smaller inputs to try when this one makes a property fail: the first half, then every chunk removed in turn,
     * chunks halving from half the input down to one byte. Lazy, so a shrinker with a budget stops early.
     */
    public Stream<HostileInput> smaller() {
        int length = bytes.length;
        Stream<HostileInput> prefixes = IntStream.of(length / 2, length * 3 / 4, length - 1)
                .filter(n -> n > 0 && n < length).distinct()
                .mapToObj(n -> new HostileInput(recipe, Arrays.copyOf(bytes, n)));
        Stream<HostileInput> removals = Stream.iterate(Math.max(1, length / 2), chunk -> chunk >= 1, chunk -> chunk / 2)
                .flatMap(chunk -> IntStream.iterate(0, start -> start < length, start -> start + chunk)
                        .mapToObj(start -> without(start, Math.min(length, start + chunk))));
        return Stream.concat(prefixes, removals).filter(candidate -> candidate.bytes.length < length);
    }

    private HostileInput without(int from, int to) {
        byte[] shorter = new byte[bytes.length - (to - from)];
        System.arraycopy(bytes, 0, shorter, 0, from);
        System.arraycopy(bytes, to, shorter, from, bytes.length - to);
        return new HostileInput(recipe, shorter);
    }

    /** The bytes as text a person can read in a test report: printable ASCII as it is, everything else escaped. */
    public static String preview(byte[] bytes) {
        if (bytes.length <= HEAD + TAIL) {
            return escape(bytes, 0, bytes.length);
        }
        return escape(bytes, 0, HEAD) + " \u2026[" + (bytes.length - HEAD - TAIL) + " bytes]\u2026 "
                + escape(bytes, bytes.length - TAIL, bytes.length);
    }

    private static String escape(byte[] bytes, int from, int to) {
        StringBuilder out = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            int b = bytes[i] & 0xFF;
            switch (b) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (b >= 0x20 && b < 0x7F) {
                        out.append((char) b);
                    } else {
                        out.append(String.format("\\x%02X", b));
                    }
                }
            }
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HostileInput that && recipe.equals(that.recipe) && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * recipe.hashCode() + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return recipe + "; " + bytes.length + " bytes: " + preview(bytes);
    }
}
