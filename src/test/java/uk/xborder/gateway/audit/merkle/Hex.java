package uk.xborder.gateway.audit.merkle;

import java.util.HexFormat;
import java.util.List;

/** Hex helpers for readable test vectors. */
final class Hex {

    private Hex() {
    }

    static byte[] h(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    static List<byte[]> hs(String... hexes) {
        return java.util.Arrays.stream(hexes).map(Hex::h).toList();
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
