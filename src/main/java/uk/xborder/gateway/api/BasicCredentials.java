package uk.xborder.gateway.api;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * The user name and password of an HTTP Basic {@code Authorization} header (RFC 7617, UTF-8). The password is a
 * {@code char[]} so that it can be wiped once checked; {@link #toString()} never shows it.
 */
public final class BasicCredentials implements AutoCloseable {

    /** Longer headers are refused unread: no legitimate name and 72-byte password come near it. */
    static final int MAX_HEADER_LENGTH = 1024;

    private final String username;
    private final char[] password;

    private BasicCredentials(String username, char[] password) {
        this.username = username;
        this.password = password;
    }

    /** Empty when the header is absent or is not a well-formed Basic header with a non-empty user name. */
    public static Optional<BasicCredentials> parse(String header) {
        if (header == null || header.length() > MAX_HEADER_LENGTH) {
            return Optional.empty();
        }
        String value = header.strip();
        int space = value.indexOf(' ');
        if (space < 0 || !value.substring(0, space).equalsIgnoreCase("Basic")) {
            return Optional.empty();
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(value.substring(space + 1).strip());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        char[] chars;
        try {
            CharBuffer buffer = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(decoded));
            chars = new char[buffer.remaining()];
            buffer.get(chars);
            Arrays.fill(buffer.array(), '\0');
        } catch (CharacterCodingException e) {
            return Optional.empty();
        } finally {
            Arrays.fill(decoded, (byte) 0);
        }
        int colon = -1;
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] == ':') {
                colon = i;
                break;
            }
        }
        if (colon <= 0) {
            Arrays.fill(chars, '\0');
            return Optional.empty();
        }
        String username = new String(chars, 0, colon);
        char[] password = Arrays.copyOfRange(chars, colon + 1, chars.length);
        Arrays.fill(chars, '\0');
        return Optional.of(new BasicCredentials(username, password));
    }

    public String username() {
        return username;
    }

    /** The password itself, not a copy: valid until {@link #close()}. */
    public char[] password() {
        return password;
    }

    /** Wipes the password. */
    @Override
    public void close() {
        Arrays.fill(password, '\0');
    }

    @Override
    public String toString() {
        return "BasicCredentials[" + username + ", password hidden]";
    }
}
