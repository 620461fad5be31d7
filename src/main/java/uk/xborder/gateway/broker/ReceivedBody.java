package uk.xborder.gateway.broker;

import java.io.File;
import java.util.Optional;

import uk.xborder.gateway.crypto.Digests;
import uk.xborder.gateway.pipeline.MessageRejectedException;
import uk.xborder.gateway.pipeline.ReasonCode;

/**
 * What the gateway took of one message body, read once by {@link ReceivedBodies}: its bytes when they were read,
 * its length, the SHA-256 of what was received, and what a holding queue keeps of it.
 *
 * <p>A body is read into memory only when it is text or bytes and within the limit it was read against. A larger
 * one is measured, not read (its bytes are never available here), and what is kept of it is what was already in
 * memory, a spool file ({@link BodySpool}), or, when even that is out of reach, nothing. A body of any other JMS type
 * is neither read nor kept.
 */
public final class ReceivedBody {

    private static final byte[] NOTHING = new byte[0];
    private static final String NOTHING_DIGEST = Digests.sha256Hex(NOTHING);

    private final String type;
    private final boolean supported;
    private final String length;
    private final byte[] bytes;
    private final Object kept;
    private final String digest;

    private ReceivedBody(String type, boolean supported, String length, byte[] bytes, Object kept, String digest) {
        this.type = type;
        this.supported = supported;
        this.length = length;
        this.bytes = bytes;
        this.kept = kept;
        this.digest = digest;
    }

    /** Read whole, within the limit: processed as these bytes, kept as it came (text or bytes). */
    static ReceivedBody read(String type, byte[] bytes, Object asReceived) {
        return new ReceivedBody(type, true, bytes.length + " bytes", bytes, asReceived, Digests.sha256Hex(bytes));
    }

    /** Over the limit and already in memory: not passed on, kept as it came. */
    static ReceivedBody tooLarge(String type, long length, Object asReceived, String digest) {
        return new ReceivedBody(type, true, length + " bytes", null, asReceived, digest);
    }

    /** Over the limit: kept as bytes in a spool file, to be streamed to the holding queue. */
    static ReceivedBody spooled(String type, String length, BodySpool.Spooled spooled) {
        return new ReceivedBody(type, true, length, null, spooled.file().toFile(), spooled.digest());
    }

    /** Over the limit, or longer than it declared, and not kept; {@code length} says which, for the explanation. */
    static ReceivedBody notKept(String type, String length) {
        return new ReceivedBody(type, true, length, null, NOTHING, NOTHING_DIGEST);
    }

    /** Of a JMS type the gateway does not take: not read at all. */
    static ReceivedBody unsupported(String type) {
        return new ReceivedBody(type, false, "unread", null, NOTHING, NOTHING_DIGEST);
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
     * MESSAGE_TOO_LARGE when it was not read ("The {@code what} is N bytes; the limit is L bytes.").
     */
    public byte[] admit(String what, long limit) {
        requireSupported();
        if (!isRead()) {
            throw new MessageRejectedException(ReasonCode.MESSAGE_TOO_LARGE, "The " + what + " is " + length
                    + "; the limit is " + limit + " bytes.");
        }
        return bytes;
    }

    /** True when the body was read: text or bytes, within the limit it was read against. */
    public boolean isRead() {
        return bytes != null;
    }

    /**
     * Its length, for an explanation: "N bytes"; "at least N bytes" for a text measured by its characters only (too
     * large to keep, so never encoded); "longer than the N bytes it declared"; with "(too large to keep)" when
     * nothing of it is kept.
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

    /** SHA-256 (hex) of the body as received (text in UTF-8), or of what is kept of it; of nothing when unread. */
    public String digest() {
        return digest;
    }

    /**
     * What a holding queue keeps: the text (a String), the bytes (a byte array), a spool file (a {@link File}, which
     * the broker client streams) or an empty body.
     */
    public Object kept() {
        return kept;
    }

    /** The spool file holding the body, when it is kept in one. */
    Optional<File> spoolFile() {
        return kept instanceof File file ? Optional.of(file) : Optional.empty();
    }

    @Override
    public String toString() {
        // never the content
        return "ReceivedBody[" + type + ", " + length + "]";
    }
}
