package uk.xborder.gateway.exchange;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import javax.security.auth.Destroyable;

import uk.xborder.gateway.crypto.Secret;

/**
 * One AES-256 key of the exchange store, with its key id. Immutable once made by one of the validating factories;
 * {@link #toString()} shows the id and where the key came from, never the key.
 *
 * <p>Decision: the key id is derived from the key itself (HMAC-SHA-256 of a fixed label under the key, first 8 bytes
 * in hex), not given beside it. It cannot be mistyped or reused for another key, it is the same wherever the key is
 * copied, and it says nothing about the key: finding the key from it is as hard as from any AES-GCM ciphertext.
 */
public final class StorageKey implements Destroyable {

    /** The length of a storage key: 256 bits. */
    public static final int KEY_BYTES = 32;
    private static final String ID_LABEL = "xborder-gateway exchange store key id v1";

    private final byte[] key;
    private final String id;
    private final String source;
    private volatile boolean destroyed;

    private StorageKey(byte[] key, String source) {
        this.key = key;
        this.source = source;
        this.id = idOf(key);
    }

    /**
     * The key written as base64 (standard alphabet, with or without padding and surrounding white space), as a key
     * file or environment variable holds it.
     *
     * @param source where it came from, for messages (a setting and a file or variable name, never the value)
     * @throws IllegalArgumentException naming the source, when the text is not base64 of exactly 32 bytes
     */
    public static StorageKey fromBase64(Secret text, String source) {
        Objects.requireNonNull(source, "source");
        char[] chars = text.chars();
        byte[] ascii = new byte[chars.length];
        try {
            int length = 0;
            for (char c : chars) {
                if (Character.isWhitespace(c)) {
                    continue;
                }
                if (c > 0x7f) {
                    throw new IllegalArgumentException(source + " is not a storage key: it must be base64 of "
                            + KEY_BYTES + " random bytes (e.g. openssl rand -base64 32)");
                }
                ascii[length++] = (byte) c;
            }
            byte[] decoded;
            try {
                decoded = Base64.getDecoder().decode(Arrays.copyOf(ascii, length));
            } catch (IllegalArgumentException e) {
                // The decoder's message quotes the offending character: never show any part of a key.
                throw new IllegalArgumentException(source + " is not a storage key: it is not base64 (it must be "
                        + "base64 of " + KEY_BYTES + " random bytes, e.g. openssl rand -base64 32)");
            }
            if (decoded.length != KEY_BYTES) {
                Arrays.fill(decoded, (byte) 0);
                throw new IllegalArgumentException(source + " is not a storage key: it holds " + decoded.length
                        + " bytes, and AES-256 needs " + KEY_BYTES + " (e.g. openssl rand -base64 32)");
            }
            return new StorageKey(decoded, source);
        } finally {
            Arrays.fill(chars, '\0');
            Arrays.fill(ascii, (byte) 0);
        }
    }

    /** A new random key. */
    public static StorageKey generate(SecureRandom random, String source) {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        return new StorageKey(key, source);
    }

    /** The key id stored with every ciphertext sealed under this key. */
    public String id() {
        return id;
    }

    /** Where the key came from: a setting and a file or variable name. */
    public String source() {
        return source;
    }

    /** The key as base64, to write a generated key to its file; wipe the array once written. */
    char[] base64() {
        return Base64.getEncoder().encodeToString(material()).toCharArray();
    }

    /** The key for the JCE. */
    SecretKey secretKey() {
        return new SecretKeySpec(material(), "AES");
    }

    private byte[] material() {
        if (destroyed) {
            throw new IllegalStateException("storage key " + id + " has been destroyed");
        }
        return key;
    }

    private static String idOf(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] tag = mac.doFinal(ID_LABEL.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(tag, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available in this JVM", e);
        }
    }

    @Override
    public void destroy() {
        destroyed = true;
        Arrays.fill(key, (byte) 0);
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        return "StorageKey[id " + id + ", from " + source + "]";
    }
}
