package uk.xborder.gateway.crypto;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import javax.security.auth.Destroyable;

/**
 * A password or passphrase, held as a {@code char[]} so that it can be wiped, and never shown: {@link #toString()}
 * is {@code Secret[redacted]}, and error messages name the environment variable or file it came from, never the
 * value. Secrets come from the deployment (an environment variable or a mounted file), never from source code.
 */
public final class Secret implements Destroyable {

    private final char[] value;
    private volatile boolean destroyed;

    private Secret(char[] value) {
        this.value = value;
    }

    /** A secret holding a copy of {@code value}; the caller may wipe its own array afterwards. */
    public static Secret of(char[] value) {
        Objects.requireNonNull(value, "value");
        if (value.length == 0) {
            throw new IllegalArgumentException("A secret must not be empty");
        }
        return new Secret(value.clone());
    }

    /**
     * The value of environment variable {@code name}.
     *
     * @throws IllegalStateException if the variable is not set or is empty
     */
    public static Secret fromEnvironment(String name) {
        return fromEnvironment(name, System.getenv());
    }

    // The environment as a parameter so tests need not change the real one.
    static Secret fromEnvironment(String name, Map<String, String> environment) {
        Objects.requireNonNull(name, "name");
        String value = environment.get(name);
        if (value == null) {
            throw new IllegalStateException("Environment variable " + name + " is not set");
        }
        if (value.isEmpty()) {
            throw new IllegalStateException("Environment variable " + name + " is empty");
        }
        return new Secret(value.toCharArray());
    }

    /**
     * The contents of {@code file} as UTF-8, without trailing line breaks (files written by editors and
     * {@code echo} end with one). Suited to secrets mounted as files (Docker and Kubernetes secrets).
     *
     * @throws IOException if the file cannot be read, is not UTF-8 or holds nothing but line breaks
     */
    public static Secret fromFile(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        byte[] bytes = Files.readAllBytes(file);
        CharBuffer chars = null;
        try {
            chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            int end = chars.limit();
            while (end > 0 && (chars.get(end - 1) == '\n' || chars.get(end - 1) == '\r')) {
                end--;
            }
            if (end == 0) {
                throw new IOException("Secret file " + file + " is empty");
            }
            char[] value = new char[end];
            chars.get(value, 0, end);
            return new Secret(value);
        } catch (CharacterCodingException e) {
            // The decoder's message could describe the bytes; say only what is wrong and where.
            throw new IOException("Secret file " + file + " is not valid UTF-8");
        } finally {
            Arrays.fill(bytes, (byte) 0);
            if (chars != null && chars.hasArray()) {
                Arrays.fill(chars.array(), '\0');
            }
        }
    }

    /**
     * A copy of the value, for handing to an API that needs a {@code char[]}. Wipe it
     * ({@code Arrays.fill(chars, '\0')}) as soon as it has been used.
     *
     * @throws IllegalStateException if this secret has been destroyed
     */
    public char[] chars() {
        if (destroyed) {
            throw new IllegalStateException("Secret has been destroyed");
        }
        return value.clone();
    }

    /** Wipes the value; {@link #chars()} fails afterwards. */
    @Override
    public void destroy() {
        destroyed = true;
        Arrays.fill(value, '\0');
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        return "Secret[redacted]";
    }
}
