package uk.xborder.gateway.audit.merkle;

import java.util.Arrays;

/**
 * One level of a {@link MerkleTree}: the hashes of its complete nodes, left to right, packed 32 bytes each into
 * chunks of {@value #CHUNK_HASHES} hashes (1 MiB): no object per node, and no copying of a whole level as it grows.
 * Growth publishes the new chunk directory through a volatile field, so a reader that sees it sees its chunks too.
 *
 * <p>Written only by the tree's single appender; a node is written once and then never changes, and readers only
 * read nodes below the size the tree published after writing them.
 */
final class HashLevel {

    private static final int CHUNK_BITS = 15;
    static final int CHUNK_HASHES = 1 << CHUNK_BITS;
    private static final int INDEX_MASK = CHUNK_HASHES - 1;
    private static final int FIRST_CHUNK_HASHES = 64;

    private volatile byte[][] chunks = new byte[0][];

    /** The chunk holding node {@code index}; only for nodes already written. */
    byte[] chunk(long index) {
        return chunks[(int) (index >>> CHUNK_BITS)];
    }

    /** Offset of node {@code index} within its chunk. */
    static int offset(long index) {
        return (int) (index & INDEX_MASK) * MerkleHash.SIZE;
    }

    /**
     * The chunk that node {@code index} will be written to. The first chunk starts small and doubles until it is
     * full size, so a small tree (or the sparse top levels of a large one) does not cost a mebibyte per level; a
     * replaced chunk holds a copy of every node written so far, so readers see the same hashes in either.
     */
    byte[] chunkForWrite(long index) {
        int chunkIndex = (int) (index >>> CHUNK_BITS);
        int needed = offset(index) + MerkleHash.SIZE;
        byte[][] current = chunks;
        if (chunkIndex < current.length && current[chunkIndex].length >= needed) {
            return current[chunkIndex];
        }
        byte[][] grown = Arrays.copyOf(current, Math.max(current.length, chunkIndex + 1));
        if (chunkIndex < current.length) {
            int capacity = Math.min(CHUNK_HASHES * MerkleHash.SIZE, current[chunkIndex].length * 2);
            grown[chunkIndex] = Arrays.copyOf(current[chunkIndex], capacity);
        } else {
            grown[chunkIndex] = new byte[chunkIndex == 0 ? FIRST_CHUNK_HASHES * MerkleHash.SIZE
                    : CHUNK_HASHES * MerkleHash.SIZE];
        }
        chunks = grown;
        return grown[chunkIndex];
    }

    byte[] copy(long index) {
        int offset = offset(index);
        return Arrays.copyOfRange(chunk(index), offset, offset + MerkleHash.SIZE);
    }
}
