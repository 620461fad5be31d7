package uk.xborder.gateway.broker;

import java.util.Optional;

import uk.xborder.gateway.crypto.Digests;
import uk.xborder.gateway.pipeline.MessageRejectedException;
import uk.xborder.gateway.pipeline.ReasonCode;

/**
 * What the gateway took of one message body, read once by {@link ReceivedBodies}: its bytes when they were read,
 * its length and the SHA-256 of what was received.
 *
 * <p>A body is read into memory only when it is text or bytes and within the limit it was read against; only then
 * is it kept (in the exchange store, to replay). A larger one is measured, not read: its length and SHA-256 are
 * taken as it streams past, and nothing of it is kept anywhere, so it cannot be replayed; the sender must split or
 * shrink it. A body of any other JMS type is neither read nor kept.
 */
public final class ReceivedBody {

    private static final String NOTHING_DIGEST = Digests.sha256Hex(new byte[0]);

    private final String type;
    private final boolean supported;
    private final String length;
    private final byte[] bytes;
    private final String digest;

    private ReceivedBody(String type, boolean supported, String length, byte[] bytes, String digest) {
        this.type = type;
        this.supported = supported;
        this.length = length;
        this.bytes = bytes;
        this.digest = digest;
    }

    /** Read whole, within the limit: processed, and kept to replay, as these bytes (a text as UTF-8). */
    static ReceivedBody read(String type, byte[] bytes) {
        return new ReceivedBody(type, true, bytes.length + " bytes", bytes, Digests.sha256Hex(bytes));
    }

    /**
     * Over the limit (or longer than it declared), measured and not read: {@code length} says how long, for the
     * explanation, and {@code digest} is the SHA-256 of every byte that came.
     */
    static ReceivedBody notRead(String type, String length, String digest) {
        return new ReceivedBody(type, true, length, null, digest);
    }

    /** Of a JMS type the gateway does not take: not read at all. */
    static ReceivedBody unsupported(String type) {
        return new ReceivedBody(type, false, "unread", null, NOTHING_DIGEST);
    }

    /** The JMS message type (TextMessage, BytesMessage, ObjectMessage...), or "text" / "bytes" when not from JMS. */
    public String type() {
        return type;
    }

    /** Refuses a body of a JMS type the gateway does not take, with UNSUPPORTED_MESSAGE_TYPE. */
    public void requireSupported() {
        if (!supported) {
            throw new MessageRejectedException(ReasonCode.UNSUPPORTED_MESSAGE_TYPE, "The JMS message is "
                    + ("AEIOU".indexOf(type.charAt(0)) >= 0 ? "an " : "a ") + type + "; the gateway takes only a "
                    + "TextMessage or a BytesMessage, and did not read its body.");
        }
    }

    /**
     * The bytes of a body a pipeline takes in: refused with UNSUPPORTED_MESSAGE_TYPE when of another JMS type, with
     * MESSAGE_TOO_LARGE when it was not read ("The {@code what} is N bytes (SHA-256 ...); the limit is L bytes.",
     * and that it is not kept).
     */
    public byte[] admit(String what, long limit) {
        requireSupported();
        if (!isRead()) {
            throw new MessageRejectedException(ReasonCode.MESSAGE_TOO_LARGE, "The " + what + " is " + measured()
                    + "; the limit is " + limit + " bytes. " + notKept(what));
        }
        return bytes;
    }

    /** Its length and SHA-256, for an explanation: "N bytes (SHA-256 hex)". */
    public String measured() {
        return length + " (SHA-256 " + digest + ")";
    }

    /** What becomes of a body that was not read, for an explanation. */
    public static String notKept(String what) {
        return "A " + what + " refused for its size is not kept, so it cannot be replayed: split or shrink it and "
                + "send it again.";
    }

    /** True when the body was read: text or bytes, within the limit it was read against. */
    public boolean isRead() {
        return bytes != null;
    }

    /**
     * Its length, for an explanation: "N bytes", or "N bytes, more than the M bytes it declared"; "unread" for a
     * body of another JMS type.
     */
    public String describedLength() {
        return length;
    }

    /** The bytes to process (text in UTF-8); only for a body that {@link #isRead() was read}. */
    public byte[] bytes() {
        if (bytes == null) {
            throw new IllegalStateException("the body was not read: " + this);
        }
        return bytes;
    }

    /**
     * What the exchange store keeps to replay the message: the bytes read (a text as UTF-8); nothing for a body over
     * its limit or of another JMS type.
     */
    public Optional<byte[]> replayable() {
        return Optional.ofNullable(bytes);
    }

    /** SHA-256 (hex) of the body as received (text in UTF-8), read or only measured; of nothing when unread. */
    public String digest() {
        return digest;
    }

    @Override
    public String toString() {
        // never the content
        return "ReceivedBody[" + type + ", " + length + "]";
    }
}
