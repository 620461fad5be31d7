package uk.xborder.gateway.audit.log;

/**
 * A stored entry can no longer be read as an entry at all (a required field emptied, a value no column type
 * allows): the store has been altered. Names the entry by its sequence number and never quotes what is stored.
 */
public final class UnreadableEntryException extends IllegalStateException {

    private final long seq;

    public UnreadableEntryException(long seq) {
        super("audit entry " + seq + " can no longer be read as an audit entry");
        this.seq = seq;
    }

    /** The first unreadable entry of what was read. */
    public long seq() {
        return seq;
    }
}
