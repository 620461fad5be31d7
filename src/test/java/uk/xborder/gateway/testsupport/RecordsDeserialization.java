package uk.xborder.gateway.testsupport;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A serializable object that counts how often it was deserialized: the stand-in for a gadget an attacker would put
 * in an ObjectMessage. Its {@code readObject} runs only if a JMS client deserializes it in this JVM.
 */
public final class RecordsDeserialization implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;
    private static final AtomicInteger READS = new AtomicInteger();

    private final String marker;

    public RecordsDeserialization(String marker) {
        this.marker = marker;
    }

    /** How many instances were deserialized in this JVM so far. */
    public static int reads() {
        return READS.get();
    }

    public String marker() {
        return marker;
    }

    @Serial
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        READS.incrementAndGet();
        in.defaultReadObject();
    }
}
