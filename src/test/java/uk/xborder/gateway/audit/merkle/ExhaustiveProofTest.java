package uk.xborder.gateway.audit.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import uk.xborder.gateway.audit.merkle.ProofVerificationException.Reason;

/**
 * Every tree size up to {@value #MAX}: roots, every inclusion proof and every consistency proof agree with the
 * literal RFC 9162 recursion ({@link ReferenceMerkle}) and verify; and every single-byte change to any path element,
 * and every wrong index or size, is refused. One tree of {@value #MAX} leaves answers for all smaller sizes, which
 * is exactly the "any historical size" promise of {@link MerkleTree}.
 */
class ExhaustiveProofTest {

    private static final int MAX = 64;

    private static final List<byte[]> LEAVES = new ArrayList<>();
    private static MerkleTree tree;

    @BeforeAll
    static void buildTree() {
        tree = new MerkleTree();
        for (int i = 0; i < MAX; i++) {
            byte[] leaf = MerkleHash.leaf(ByteBuffer.allocate(4).putInt(i).array());
            LEAVES.add(leaf);
            tree.append(leaf);
        }
    }

    @Test
    void rootsOfEverySizeMatchTheReference() {
        for (int n = 0; n <= MAX; n++) {
            assertThat(tree.root(n)).as("root(%d)", n).isEqualTo(ReferenceMerkle.mth(LEAVES.subList(0, n)));
            // a tree built to exactly that size agrees with the history of the big one
            assertThat(MerkleTree.of(LEAVES.subList(0, n)).root()).isEqualTo(tree.root(n));
        }
    }

    @Test
    void everyInclusionProofMatchesTheReferenceVerifiesAndRefusesEveryCorruption() throws Exception {
        for (int n = 1; n <= MAX; n++) {
            byte[] root = tree.root(n);
            for (int m = 0; m < n; m++) {
                InclusionProof proof = tree.inclusionProof(m, n);
                assertThat(proof.path()).as("PATH(%d, D[%d])", m, n)
                        .usingElementComparator(java.util.Arrays::compare)
                        .containsExactlyElementsOf(ReferenceMerkle.path(m, LEAVES.subList(0, n)));
                InclusionProofVerifier.verify(LEAVES.get(m), proof, root);

                for (int element = 0; element < proof.path().size(); element++) {
                    for (int b = 0; b < MerkleHash.SIZE; b++) {
                        expectInclusionFails(LEAVES.get(m), flipped(proof.path(), element, b, m, n), root);
                    }
                }
                expectInclusionFails(LEAVES.get(m), new InclusionProof(m, n, proof.path()), tree.root(n - 1));
                if (m + 1 < n) {
                    expectInclusionFails(LEAVES.get(m), new InclusionProof(m + 1, n, proof.path()), root);
                }
                if (m > 0) {
                    expectInclusionFails(LEAVES.get(m), new InclusionProof(m - 1, n, proof.path()), root);
                }
                // A size is only ever checked together with the root signed for it (a checkpoint signs both).
                if (n < MAX) {
                    expectInclusionFails(LEAVES.get(m), new InclusionProof(m, n + 1, proof.path()), tree.root(n + 1));
                }
                expectInclusionFails(LEAVES.get(m), new InclusionProof(m, n - 1, proof.path()), tree.root(n - 1));
                expectInclusionFails(LEAVES.get((m + 1) % MAX), proof, root);
            }
        }
    }

    @Test
    void everyConsistencyProofMatchesTheReferenceVerifiesAndRefusesEveryCorruption() throws Exception {
        for (int n = 1; n <= MAX; n++) {
            byte[] newRoot = tree.root(n);
            for (int m = 0; m <= n; m++) {
                byte[] oldRoot = tree.root(m);
                ConsistencyProof proof = tree.consistencyProof(m, n);
                List<byte[]> expected = m == 0 || m == n ? List.of() : ReferenceMerkle.proof(m, LEAVES.subList(0, n));
                assertThat(proof.path()).as("PROOF(%d, D[%d])", m, n)
                        .usingElementComparator(java.util.Arrays::compare)
                        .containsExactlyElementsOf(expected);
                ConsistencyProofVerifier.verify(proof, oldRoot, newRoot);
                if (m == n) {
                    continue;
                }
                if (m == 0) {
                    // Every tree extends the empty one: only the empty path and the empty tree's root are accepted.
                    expectConsistencyFails(new ConsistencyProof(0, n, List.of(LEAVES.get(0))), oldRoot, newRoot);
                    expectConsistencyFails(new ConsistencyProof(0, n, List.of()), LEAVES.get(0), newRoot);
                    continue;
                }
                for (int element = 0; element < proof.path().size(); element++) {
                    for (int b = 0; b < MerkleHash.SIZE; b++) {
                        List<byte[]> path = new ArrayList<>(proof.path());
                        byte[] changed = path.get(element).clone();
                        changed[b] ^= 0x01;
                        path.set(element, changed);
                        expectConsistencyFails(new ConsistencyProof(m, n, path), oldRoot, newRoot);
                    }
                }
                // wrong roots for the sizes
                expectConsistencyFails(new ConsistencyProof(m, n, proof.path()), tree.root(m + 1), newRoot);
                expectConsistencyFails(new ConsistencyProof(m, n, proof.path()), oldRoot, tree.root(n - 1));
                // wrong sizes, each with the root that belongs to it
                expectConsistencyFails(new ConsistencyProof(m + 1, n, proof.path()), tree.root(m + 1), newRoot);
                expectConsistencyFails(new ConsistencyProof(m - 1, n, proof.path()), tree.root(m - 1), newRoot);
                if (n < MAX) {
                    expectConsistencyFails(new ConsistencyProof(m, n + 1, proof.path()), oldRoot, tree.root(n + 1));
                }
                expectConsistencyFails(new ConsistencyProof(m, n - 1, proof.path()), oldRoot, tree.root(n - 1));
                expectConsistencyFails(new ConsistencyProof(n, m, proof.path()), newRoot, oldRoot);
            }
        }
    }

    @Test
    void structuralErrorsHaveTheirOwnReasonAndTheMismatchNamesBothRoots() throws Exception {
        byte[] root = tree.root(8);
        InclusionProof good = tree.inclusionProof(3, 8);
        assertThatThrownBy(() -> InclusionProofVerifier.verify(LEAVES.get(3), new InclusionProof(8, 8, good.path()),
                root)).isInstanceOfSatisfying(ProofVerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.INDEX_OUT_OF_RANGE));
        assertThatThrownBy(() -> InclusionProofVerifier.verify(LEAVES.get(3),
                new InclusionProof(3, 8, good.path().subList(0, 2)), root))
                .isInstanceOfSatisfying(ProofVerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_PATH_LENGTH));
        assertThatThrownBy(() -> InclusionProofVerifier.verify(LEAVES.get(3),
                new InclusionProof(3, 8, List.of(new byte[31], new byte[32], new byte[32])), root))
                .isInstanceOfSatisfying(ProofVerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_HASH));
        assertThatThrownBy(() -> ConsistencyProofVerifier.verify(new ConsistencyProof(9, 8, List.of()), root, root))
                .isInstanceOfSatisfying(ProofVerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.SIZES_OUT_OF_ORDER));

        byte[] wrongRoot = tree.root(7);
        assertThatThrownBy(() -> InclusionProofVerifier.verify(LEAVES.get(3), good, wrongRoot))
                .isInstanceOfSatisfying(ProofVerificationException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.ROOT_MISMATCH);
                    assertThat(e.getMessage()).contains(Hex.hex(wrongRoot)).contains(Hex.hex(root));
                });
        ConsistencyProof consistency = tree.consistencyProof(5, 8);
        assertThatThrownBy(() -> ConsistencyProofVerifier.verify(consistency, tree.root(5), wrongRoot))
                .isInstanceOfSatisfying(ProofVerificationException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.ROOT_MISMATCH);
                    assertThat(e.getMessage()).contains(Hex.hex(wrongRoot)).contains(Hex.hex(root));
                });
    }

    @Test
    void theTreeRefusesQuestionsAboutSizesItNeverHad() {
        assertThatThrownBy(() -> tree.root(MAX + 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.inclusionProof(MAX, MAX)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.consistencyProof(5, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.leafHash(MAX)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> tree.append(new byte[31])).isInstanceOf(IllegalArgumentException.class);
    }

    private static InclusionProof flipped(List<byte[]> path, int element, int b, long m, long n) {
        List<byte[]> copy = new ArrayList<>(path);
        byte[] changed = copy.get(element).clone();
        changed[b] ^= 0x01;
        copy.set(element, changed);
        return new InclusionProof(m, n, copy);
    }

    private static void expectInclusionFails(byte[] leaf, InclusionProof proof, byte[] root) {
        try {
            InclusionProofVerifier.verify(leaf, proof, root);
            fail("inclusion proof verified though corrupted: leaf %d size %d", proof.leafIndex(), proof.treeSize());
        } catch (ProofVerificationException expected) {
            // refused, as it must be
        }
    }

    private static void expectConsistencyFails(ConsistencyProof proof, byte[] oldRoot, byte[] newRoot) {
        try {
            ConsistencyProofVerifier.verify(proof, oldRoot, newRoot);
            fail("consistency proof verified though corrupted: %d -> %d", proof.fromSize(), proof.toSize());
        } catch (ProofVerificationException expected) {
            // refused, as it must be
        }
    }
}
