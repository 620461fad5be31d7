package uk.xborder.gateway.broker;

import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Counts and digests (SHA-256) every byte of a body written into it, and passes on only the first {@code bound} of
 * them: a body longer than it declared (a forged length, or a compressed body that inflates past it) never takes
 * more memory than it declared, and a body too large to read is measured without being kept at all (bound 0).
 *
 * <p>Decision: it drops rather than fails the write. The Artemis client would stop writing a large message into a
 * stream that failed, but would not give back the consumer credits of the chunks still to come, and a consumer
 * whose credits are used up receives nothing more. Reading the rest costs time, bounded by what the broker took.
 */
final class MeasuringOutputStream extends OutputStream {

    private final OutputStream kept;
    private final long bound;
    private final MessageDigest sha256;
    private long count;

    MeasuringOutputStream(OutputStream kept, long bound) {
        this.kept = kept;
        this.bound = bound;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** A stream that keeps nothing: the body is only measured. */
    static MeasuringOutputStream measureOnly() {
        return new MeasuringOutputStream(OutputStream.nullOutputStream(), 0);
    }

    /** Every byte written, kept or not. */
    long count() {
        return count;
    }

    /** True when more bytes came than the bound: what was passed on is only the first part. */
    boolean beyondBound() {
        return count > bound;
    }

    /** SHA-256 (hex) of every byte written; call once, when the body is complete. */
    String sha256Hex() {
        return HexFormat.of().formatHex(sha256.digest());
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        sha256.update(bytes, offset, length);
        long room = Math.max(0, bound - count);
        int passed = (int) Math.min(room, length);
        if (passed > 0) {
            kept.write(bytes, offset, passed);
        }
        count += length;
    }

    @Override
    public void flush() throws IOException {
        kept.flush();
    }
}
