package uk.xborder.gateway.exchange.deadletter;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the exchange store keeps of a dead letter (content kind DEAD_LETTER, sealed by the store like any other):
 * the address it came from, the JMS headers and properties it must go back with, and its body as it was (a text in
 * UTF-8, or bytes). Written in a small fixed binary layout and read back strictly (a version byte, lengths checked
 * against what is left, no trailing bytes): it is the gateway's own format, never a partner's, and holds only the
 * JMS property types (boolean, byte, short, int, long, float, double, string).
 *
 * @param originalAddress where the broker says it came from ({@code _AMQ_ORIG_ADDRESS}); empty when it said nothing
 * @param text            true for a TextMessage, false for a BytesMessage
 * @param properties      the application's JMS properties, without those the broker sets ({@code _AMQ_*},
 *                        {@code JMSX*}), in the order they were read
 */
public record DeadLetterContent(Optional<String> originalAddress, boolean text, Optional<String> correlationId,
                                Optional<String> jmsType, Map<String, Object> properties, byte[] body) {

    private static final int MAGIC = 0x47574c31; // "GWL1"
    private static final int MAX_PROPERTIES = 10_000;

    public DeadLetterContent {
        Objects.requireNonNull(originalAddress, "originalAddress");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(jmsType, "jmsType");
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        properties.values().forEach(DeadLetterContent::tag);
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The bytes the store seals. */
    public byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(body.length + 256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            optional(out, originalAddress);
            out.writeBoolean(text);
            optional(out, correlationId);
            optional(out, jmsType);
            out.writeInt(properties.size());
            for (Map.Entry<String, Object> property : properties.entrySet()) {
                string(out, property.getKey());
                char tag = tag(property.getValue());
                out.writeByte(tag);
                switch (tag) {
                    case 'Z' -> out.writeBoolean((Boolean) property.getValue());
                    case 'B' -> out.writeByte((Byte) property.getValue());
                    case 'S' -> out.writeShort((Short) property.getValue());
                    case 'I' -> out.writeInt((Integer) property.getValue());
                    case 'J' -> out.writeLong((Long) property.getValue());
                    case 'F' -> out.writeFloat((Float) property.getValue());
                    case 'D' -> out.writeDouble((Double) property.getValue());
                    default -> string(out, (String) property.getValue());
                }
            }
            out.writeInt(body.length);
            out.write(body);
        } catch (IOException e) {
            throw new IllegalStateException("cannot happen in memory", e);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads what {@link #encode()} wrote.
     *
     * @throws IllegalArgumentException naming what is wrong (never content) when the bytes are not such a record
     */
    public static DeadLetterContent decode(byte[] encoded) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
            if (in.readInt() != MAGIC) {
                throw new IllegalArgumentException("not a dead letter's content (unknown layout)");
            }
            Optional<String> address = optional(in, encoded.length);
            boolean text = in.readBoolean();
            Optional<String> correlation = optional(in, encoded.length);
            Optional<String> type = optional(in, encoded.length);
            int count = in.readInt();
            if (count < 0 || count > MAX_PROPERTIES) {
                throw new IllegalArgumentException("a dead letter's content with " + count + " properties");
            }
            Map<String, Object> properties = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String name = string(in, encoded.length);
                char tag = (char) in.readUnsignedByte();
                Object value = switch (tag) {
                    case 'Z' -> in.readBoolean();
                    case 'B' -> in.readByte();
                    case 'S' -> in.readShort();
                    case 'I' -> in.readInt();
                    case 'J' -> in.readLong();
                    case 'F' -> in.readFloat();
                    case 'D' -> in.readDouble();
                    case 'T' -> string(in, encoded.length);
                    default -> throw new IllegalArgumentException("a dead letter's property of unknown type " + tag);
                };
                properties.put(name, value);
            }
            byte[] body = bytes(in, encoded.length);
            if (in.read() != -1) {
                throw new IllegalArgumentException("a dead letter's content with bytes after its body");
            }
            return new DeadLetterContent(address, text, correlation, type, properties, body);
        } catch (EOFException e) {
            throw new IllegalArgumentException("a dead letter's content cut short", e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot happen in memory", e);
        }
    }

    private static char tag(Object value) {
        if (value instanceof Boolean) {
            return 'Z';
        }
        if (value instanceof Byte) {
            return 'B';
        }
        if (value instanceof Short) {
            return 'S';
        }
        if (value instanceof Integer) {
            return 'I';
        }
        if (value instanceof Long) {
            return 'J';
        }
        if (value instanceof Float) {
            return 'F';
        }
        if (value instanceof Double) {
            return 'D';
        }
        if (value instanceof String) {
            return 'T';
        }
        throw new IllegalArgumentException("a JMS property cannot be a " + (value == null ? "null"
                : value.getClass().getSimpleName()));
    }

    private static void optional(DataOutputStream out, Optional<String> value) throws IOException {
        out.writeBoolean(value.isPresent());
        if (value.isPresent()) {
            string(out, value.get());
        }
    }

    private static void string(DataOutputStream out, String value) throws IOException {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static Optional<String> optional(DataInputStream in, int bound) throws IOException {
        return in.readBoolean() ? Optional.of(string(in, bound)) : Optional.empty();
    }

    private static String string(DataInputStream in, int bound) throws IOException {
        return new String(bytes(in, bound), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(DataInputStream in, int bound) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > bound) {
            throw new IllegalArgumentException("a dead letter's content with a field of " + length + " bytes");
        }
        byte[] value = new byte[length];
        in.readFully(value);
        return value;
    }

    @Override
    public String toString() {
        // never the body or the properties' values
        return "DeadLetterContent[" + originalAddress.orElse("no address") + ", " + (text ? "text" : "bytes") + ", "
                + properties.size() + " properties, " + body.length + " bytes]";
    }
}
