package uk.xborder.gateway.broker;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.ObjectMessage;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;

import org.apache.activemq.artemis.jms.client.ActiveMQMessage;
import org.apache.camel.Exchange;

import uk.xborder.gateway.crypto.Digests;
import uk.xborder.gateway.pipeline.ExchangeProperties;
import uk.xborder.gateway.pipeline.GatewayFault;

/**
 * Reads what arrives on the queues the gateway consumes, which hand it the JMS message itself
 * ({@code mapJmsMessage=false}), once per exchange: a TextMessage's text and a BytesMessage's bytes, and of any other
 * type nothing at all. An ObjectMessage's object is never deserialized, a MapMessage's or StreamMessage's content
 * never looked at.
 *
 * <p>The size is known before the body is read: a BytesMessage's declared length ({@code getBodyLength()}; for an
 * Artemis large message, whose body the client streams from the broker, the length its header gives), a text's
 * number of characters (each takes at least one byte of UTF-8). A body over the limit is not read into memory: it
 * is streamed past a counter and a SHA-256 digest, and kept nowhere (neither in memory nor on disk), so that its
 * refusal can name its exact length and digest. A body is never read into memory past its declared length. A text is
 * in memory once the client hands it over (the Artemis client decodes it, large or not); its characters are counted
 * before it is encoded, so that no copy is made of one too large.
 *
 * <p>Bodies that do not come from JMS (an HTTPS request's bytes) are measured the same way.
 */
public final class ReceivedBodies {

    static final String TEXT = "TextMessage";
    static final String BYTES = "BytesMessage";
    /** The Artemis client writes a received message's body into this stream, and returns once it has all of it. */
    private static final String SAVE_STREAM = "JMS_AMQ_SaveStream";
    private static final int CHUNK = 64 * 1024;
    /** The largest array a JVM makes. */
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    /**
     * The body of the exchange's message, read against the limit; the same on every later call in the exchange (by
     * the error handlers too), since a JMS body can be streamed only once.
     */
    public ReceivedBody read(Exchange exchange, long limit) {
        Object source = exchange.getMessage().getBody();
        Read known = exchange.getProperty(ExchangeProperties.RECEIVED_BODY, Read.class);
        if (known != null && known.source() == source) {
            return known.body();
        }
        ReceivedBody body;
        try {
            body = read(exchange, source, limit);
        } catch (Exception e) {
            // The broker failed, not the sender: retried, then held (or rolled back and redelivered).
            throw new GatewayFault("could not read the message body (" + e.getClass().getSimpleName() + ")", e);
        }
        exchange.setProperty(ExchangeProperties.RECEIVED_BODY, new Read(source, body));
        return body;
    }

    private ReceivedBody read(Exchange exchange, Object body, long limit) throws Exception {
        if (body instanceof TextMessage text) {
            return text(TEXT, text.getText(), limit);
        }
        if (body instanceof BytesMessage bytes) {
            return bytes(bytes, limit);
        }
        if (body instanceof Message other) {
            return ReceivedBody.unsupported(typeOf(other));
        }
        if (body instanceof String text) {
            return text("text", text, limit);
        }
        byte[] bytes = body == null ? new byte[0]
                : exchange.getContext().getTypeConverter().mandatoryConvertTo(byte[].class, exchange, body);
        if (bytes.length > limit) {
            return ReceivedBody.notRead("bytes", bytes.length + " bytes", Digests.sha256Hex(bytes));
        }
        return ReceivedBody.read("bytes", bytes);
    }

    private static ReceivedBody text(String type, String text, long limit) throws IOException {
        String body = text == null ? "" : text;
        if (body.length() > limit) {
            // encoded chunk by chunk as it is measured: no copy of it is made
            MeasuringOutputStream measured = MeasuringOutputStream.measureOnly();
            Writer utf8 = new OutputStreamWriter(measured, StandardCharsets.UTF_8);
            utf8.write(body);
            utf8.flush();
            return ReceivedBody.notRead(type, measured.count() + " bytes", measured.sha256Hex());
        }
        byte[] utf8 = body.getBytes(StandardCharsets.UTF_8);
        if (utf8.length > limit) {
            return ReceivedBody.notRead(type, utf8.length + " bytes", Digests.sha256Hex(utf8));
        }
        return ReceivedBody.read(type, utf8);
    }

    private static ReceivedBody bytes(BytesMessage message, long limit) throws JMSException {
        long declared = message.getBodyLength();
        boolean large = isLarge(message);
        if (declared > Math.min(limit, MAX_ARRAY)) {
            MeasuringOutputStream measured = MeasuringOutputStream.measureOnly();
            copy(message, large, measured);
            return ReceivedBody.notRead(BYTES, lengthOf(measured, declared), measured.sha256Hex());
        }
        byte[] bytes = new byte[(int) declared];
        if (!large) {
            // already in memory, its length exact
            message.readBytes(bytes);
            return ReceivedBody.read(BYTES, bytes);
        }
        MeasuringOutputStream into = new MeasuringOutputStream(new ArraySink(bytes), declared);
        message.setObjectProperty(SAVE_STREAM, into);
        if (into.beyondBound()) {
            return ReceivedBody.notRead(BYTES, lengthOf(into, declared), into.sha256Hex());
        }
        byte[] received = into.count() == declared ? bytes : Arrays.copyOf(bytes, (int) into.count());
        return ReceivedBody.read(BYTES, received);
    }

    /** "N bytes", and when the body was longer than it declared, that too. */
    private static String lengthOf(MeasuringOutputStream measured, long declared) {
        return measured.count() + " bytes" + (measured.count() > declared
                ? ", more than the " + declared + " bytes it declared" : "");
    }

    private static void copy(BytesMessage message, boolean large, OutputStream out) throws JMSException {
        if (large) {
            message.setObjectProperty(SAVE_STREAM, out);
            return;
        }
        byte[] chunk = new byte[CHUNK];
        int read;
        try {
            while ((read = message.readBytes(chunk)) > 0) {
                out.write(chunk, 0, read);
            }
        } catch (IOException e) {
            JMSException failed = new JMSException("could not measure the body: " + e.getMessage());
            failed.setLinkedException(e);
            throw failed;
        }
    }

    /** An Artemis large message: its body is streamed from the broker as it is read, never held by the client. */
    private static boolean isLarge(Message message) {
        return message instanceof ActiveMQMessage artemis && artemis.getCoreMessage().isLargeMessage();
    }

    private static String typeOf(Message message) {
        if (message instanceof ObjectMessage) {
            return "ObjectMessage";
        }
        if (message instanceof MapMessage) {
            return "MapMessage";
        }
        if (message instanceof StreamMessage) {
            return "StreamMessage";
        }
        return "Message (without a body)";
    }

    /** A body read, and what it was read from: a later step that has another body in hand reads that one. */
    private record Read(Object source, ReceivedBody body) {
    }

    /** Writes into an array of the declared length; the {@link MeasuringOutputStream} before it keeps to that. */
    private static final class ArraySink extends OutputStream {

        private final byte[] target;
        private int position;

        ArraySink(byte[] target) {
            this.target = target;
        }

        @Override
        public void write(int b) {
            target[position++] = (byte) b;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            System.arraycopy(bytes, offset, target, position, length);
            position += length;
        }
    }
}
