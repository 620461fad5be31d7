package uk.xborder.gateway.broker;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Passes bytes on up to a bound (the length a message body declared) and drops the rest, noting that there was
 * more: a body longer than it says (a forged length, or a compressed body that inflates past it) never takes more
 * memory or disk than it declared.
 *
 * <p>Decision: it drops rather than fails the write. The Artemis client would stop writing a large message into a
 * stream that failed, but would not give back the consumer credits of the chunks still to come, and a consumer
 * whose credits are used up receives nothing more. Reading the rest costs time, bounded by what the broker took.
 */
final class BoundedOutputStream extends FilterOutputStream {

    private final long bound;
    private long written;
    private boolean overflowed;

    BoundedOutputStream(OutputStream out, long bound) {
        super(out);
        this.bound = bound;
    }

    long written() {
        return written;
    }

    /** True when more bytes came than the bound: the body is longer than it declared. */
    boolean overflowed() {
        return overflowed;
    }

    @Override
    public void write(int b) throws IOException {
        if (admitted(1) == 1) {
            out.write(b);
        }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        int admitted = admitted(length);
        if (admitted > 0) {
            out.write(bytes, offset, admitted);
        }
    }

    private int admitted(int wanted) {
        long room = bound - written;
        int admitted = (int) Math.min(room, wanted);
        if (admitted < wanted) {
            overflowed = true;
        }
        written += admitted;
        return admitted;
    }
}
