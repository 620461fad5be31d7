package uk.xborder.gateway.testsupport;

import java.io.InputStream;

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
