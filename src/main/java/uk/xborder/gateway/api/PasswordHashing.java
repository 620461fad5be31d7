package uk.xborder.gateway.api;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * bcrypt, through Bouncy Castle's {@link OpenBSDBCrypt}, with the rules the gateway holds to: cost
 * {@value #MIN_COST} or more, and passwords of at most {@value #MAX_PASSWORD_BYTES} UTF-8 bytes (bcrypt silently
 * ignores anything longer, so two long passwords sharing a prefix would be the same password).
 */
public final class PasswordHashing {

    /** 2^12 rounds: about a quarter of a second on current servers, slow enough to make guessing from a leak costly. */
    public static final int MIN_COST = 12;
    /** Above this a hash takes minutes; a typo, not a policy. */
    public static final int MAX_COST = 20;
    public static final int MAX_PASSWORD_BYTES = 72;

    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$(\\d{2})\\$[./A-Za-z0-9]{53}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHashing() {
    }

    /** Hashes a password with a fresh random salt. The caller wipes {@code password}. */
    public static String hash(char[] password, int cost) {
        if (cost < MIN_COST || cost > MAX_COST) {
            throw new IllegalArgumentException("the bcrypt cost must be between " + MIN_COST + " and " + MAX_COST);
        }
        byte[] utf8 = utf8(password);
        try {
            if (utf8.length > MAX_PASSWORD_BYTES) {
                throw new IllegalArgumentException("a password is at most " + MAX_PASSWORD_BYTES + " bytes in UTF-8");
            }
            byte[] salt = new byte[16];
            RANDOM.nextBytes(salt);
            return OpenBSDBCrypt.generate(utf8, salt, cost);
        } finally {
            Arrays.fill(utf8, (byte) 0);
        }
    }

    /**
     * Whether the password matches the hash. Always does the full bcrypt work, and Bouncy Castle compares the result
     * in constant time, so the answer takes as long whether the password is right, wrong or too long.
     */
    public static boolean matches(String hash, char[] password) {
        byte[] utf8 = utf8(password);
        try {
            boolean tooLong = utf8.length > MAX_PASSWORD_BYTES;
            boolean equal = OpenBSDBCrypt.checkPassword(hash, utf8);
            return equal & !tooLong;
        } finally {
            Arrays.fill(utf8, (byte) 0);
        }
    }

    /** A well-formed bcrypt hash of cost {@value #MIN_COST} or more. */
    public static boolean isAcceptedHash(String hash) {
        if (hash == null) {
            return false;
        }
        Matcher m = BCRYPT.matcher(hash);
        return m.matches() && Integer.parseInt(m.group(1)) >= MIN_COST && Integer.parseInt(m.group(1)) <= MAX_COST;
    }

    /** The cost of an accepted hash. */
    public static int costOf(String hash) {
        Matcher m = BCRYPT.matcher(hash);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a bcrypt hash");
        }
        return Integer.parseInt(m.group(1));
    }

    static byte[] utf8(char[] password) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        if (encoded.hasArray()) {
            Arrays.fill(encoded.array(), (byte) 0);
        }
        return bytes;
    }
}
