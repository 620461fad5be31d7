package uk.xborder.gateway.audit.store;

import java.sql.SQLException;
import java.util.List;

import uk.xborder.gateway.audit.merkle.ConsistencyProof;
import uk.xborder.gateway.audit.merkle.InclusionProof;
import uk.xborder.gateway.audit.merkle.MerkleTree;

/**
 * This node's in-memory Merkle tree of the stored log. The database is the truth: the tree is built from the stored
 * leaf hashes at start-up and catches up with entries other nodes appended before it answers. Entries this node
 * commits are appended straight away, without reading them back, when they are the next ones the tree needs.
 */
final class LiveTree {

    /** Stored leaf hashes are read this many at a time, so a large log never has to fit in one result set. */
    private static final int CHUNK = 10_000;

    private final MerkleTree tree = new MerkleTree();
    private final EntryReader reader;
    /** Serialises "look at the size, then append": MerkleTree serialises each append, not the pair. */
    private final Object appending = new Object();

    LiveTree(EntryReader reader) {
        this.reader = reader;
    }

    /** The size the tree had the last time it was appended to; never blocks, never reads the database. */
    long knownSize() {
        return tree.size();
    }

    /** Appends every committed entry the tree does not have yet and returns the (new) size. */
    long catchUp() throws SQLException {
        synchronized (appending) {
            long head = reader.size();
            while (tree.size() < head) {
                long from = tree.size();
                List<byte[]> hashes = reader.leafHashes(from, Math.min(head, from + CHUNK)).hashes();
                if (hashes.isEmpty()) {
                    throw new AuditStoreException("audit entry " + from + " is missing from the store");
                }
                hashes.forEach(tree::append);
            }
            return tree.size();
        }
    }

    /** Adds the leaf hashes of entries this node has just committed, from {@code firstSeq} on. */
    void committed(long firstSeq, List<byte[]> hashes) throws SQLException {
        synchronized (appending) {
            long size = tree.size();
            if (size < firstSeq) {
                // Another node appended in between: read its entries (and, with them, ours) from the store.
                catchUp();
                return;
            }
            // Entries below size were already read back by a catch-up that ran after our commit.
            for (long seq = size; seq < firstSeq + hashes.size(); seq++) {
                tree.append(hashes.get((int) (seq - firstSeq)));
            }
        }
    }

    byte[] root(long treeSize) {
        return tree.root(treeSize);
    }

    InclusionProof inclusionProof(long seq, long treeSize) {
        return tree.inclusionProof(seq, treeSize);
    }

    ConsistencyProof consistencyProof(long fromSize, long toSize) {
        return tree.consistencyProof(fromSize, toSize);
    }
}
