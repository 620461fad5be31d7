package uk.xborder.gateway.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;

/**
 * A message body of any length that is never held in memory: bytes made as they are read, so that a test can send a
 * message of hundreds of megabytes from a small heap. The Artemis client streams it as a large message.
 */
public final class GeneratedBody extends InputStream {

    private final long length;
    private long position;

    private GeneratedBody(long length) {
        this.length = length;
    }

    /** A bytes message of that many bytes, to be streamed by the Artemis client when it is sent. */
    public static BytesMessage bytesMessage(BrokerClient client, long length) throws JMSException {
        BytesMessage message = client.session().createBytesMessage();
        message.setObjectProperty("JMS_AMQ_InputStream", stream(length));
        return message;
    }

    /** The body alone, for a message made by another session. */
    public static InputStream stream(long length) {
        return new GeneratedBody(length);
    }

    /** The SHA-256 (hex) of a generated body of that length, made as it is read. */
    public static String sha256(long length) throws IOException {
        return sha256(stream(length));
    }

    /** The SHA-256 (hex) of a received bytes message's body, streamed: a large one is never held in memory. */
    public static String sha256(BytesMessage received) throws JMSException, IOException {
        MessageDigest digest = sha256();
        try (OutputStream sink = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
            received.setObjectProperty("JMS_AMQ_SaveStream", sink);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String sha256(InputStream body) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = body;
             OutputStream sink = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
            in.transferTo(sink);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int read() {
        if (position >= length) {
            return -1;
        }
        return (int) (position++ % 251);
    }

    @Override
    public int read(byte[] buffer, int offset, int wanted) {
        if (position >= length) {
            return -1;
        }
        int count = (int) Math.min(wanted, length - position);
        for (int i = 0; i < count; i++) {
            buffer[offset + i] = (byte) (position++ % 251);
        }
        return count;
    }
}
