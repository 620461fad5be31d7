package uk.xborder.gateway.audit.checkpoint;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/**
 * The exact bytes the audit key signs for a checkpoint: five lines of ASCII, each ending in a line feed (0x0A),
 * no carriage returns, no trailing spaces.
 *
 * <pre>
 * xborder-gateway audit checkpoint v1
 * &lt;tree size, decimal, no leading zeros&gt;
 * &lt;root hash, standard base64 with padding (RFC 4648 section 4), 44 characters&gt;
 * &lt;time, ISO-8601 UTC as java.time.Instant#toString writes it, e.g. 2025-03-01T12:00:00.123456Z&gt;
 * &lt;key id, 64 lower-case hex digits&gt;
 * </pre>
 *
 * <p>The first line names the format and its version, so a signature over these bytes can never be mistaken for a
 * signature over anything else the gateway signs (messages are CMS, receipts XML). In the spirit of the C2SP
 * {@code tlog-checkpoint} note format, but with our own origin line and the key id in the body. Changing this text
 * invalidates every signature ever made: a new form gets a new version line.
 */
public final class CheckpointCodec {

    /** The first line: format name and version. */
    public static final String HEADER = "xborder-gateway audit checkpoint v1";

    private CheckpointCodec() {
    }

    public static byte[] signedBytes(Checkpoint checkpoint) {
        String text = HEADER + '\n'
                + checkpoint.treeSize() + '\n'
                + Base64.getEncoder().encodeToString(checkpoint.rootHash()) + '\n'
                + time(checkpoint) + '\n'
                + checkpoint.keyId() + '\n';
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** The time as it appears in the signed text (and in evidence bundles). */
    public static String time(Checkpoint checkpoint) {
        return DateTimeFormatter.ISO_INSTANT.format(checkpoint.time());
    }
}
