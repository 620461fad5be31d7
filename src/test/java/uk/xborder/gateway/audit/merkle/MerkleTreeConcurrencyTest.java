package uk.xborder.gateway.audit.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

/**
 * Readers never block the appender and never see a half-written tree: while one thread appends (crossing many
 * chunk boundaries, so chunk directories are replaced under the readers' feet), readers ask for roots and proofs at
 * whatever size they last saw, and every answer verifies against a root computed from the same snapshot.
 */
class MerkleTreeConcurrencyTest {

    private static final int LEAVES = 200_000;

    @Test
    void proofsReadDuringAppendsAlwaysVerify() throws Exception {
        MerkleTree tree = new MerkleTree();
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService readers = Executors.newFixedThreadPool(2);
        List<Future<Integer>> results = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            results.add(readers.submit(() -> {
                int checked = 0;
                while (!done.get() || checked == 0) {
                    long size = tree.size();
                    if (size == 0) {
                        continue;
                    }
                    long index = ThreadLocalRandom.current().nextLong(size);
                    long older = 1 + ThreadLocalRandom.current().nextLong(size);
                    byte[] root = tree.root(size);
                    InclusionProofVerifier.verify(leaf(index), tree.inclusionProof(index, size), root);
                    ConsistencyProofVerifier.verify(tree.consistencyProof(older, size), tree.root(older), root);
                    checked++;
                }
                return checked;
            }));
        }
        for (int i = 0; i < LEAVES; i++) {
            tree.append(leaf(i));
        }
        done.set(true);
        readers.shutdown();
        assertThat(readers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        for (Future<Integer> result : results) {
            assertThat(result.get()).isPositive(); // rethrows any verification failure
        }
        assertThat(tree.size()).isEqualTo(LEAVES);
    }

    @Test
    void theRootAccumulatorAgreesWithTheTreeAtEverySize() {
        MerkleTree tree = new MerkleTree();
        RootAccumulator accumulator = new RootAccumulator();
        assertThat(accumulator.root()).isEqualTo(MerkleHash.emptyRoot());
        for (int i = 0; i < 1_100; i++) {
            tree.append(leaf(i));
            accumulator.append(leaf(i));
            assertThat(accumulator.root()).as("size %d", i + 1).isEqualTo(tree.root());
        }
    }

    private static byte[] leaf(long i) {
        return MerkleHash.leaf(ByteBuffer.allocate(8).putLong(i).array());
    }
}
