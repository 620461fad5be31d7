package uk.xborder.gateway.audit.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static uk.xborder.gateway.audit.merkle.Hex.h;
import static uk.xborder.gateway.audit.merkle.Hex.hex;
import static uk.xborder.gateway.audit.merkle.Hex.hs;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The published Certificate Transparency (RFC 6962 / RFC 9162 hashing) test vectors, as kept by
 * transparency-dev/merkle ({@code testonly/constants.go}, {@code proof/verify_test.go},
 * {@code testdata/consistency/1/happy-path.json}): eight fixed leaf inputs, the root of every prefix, and known
 * inclusion and consistency proofs. Only the data is taken; the checks are ours.
 */
class Rfc9162VectorsTest {

    private static final List<byte[]> LEAF_INPUTS = hs("", "00", "10", "2021", "3031", "40414243",
            "5051525354555657", "606162636465666768696a6b6c6d6e6f");

    /** Root of the tree of the first {@code i} leaves, for i = 0..8. */
    private static final List<String> ROOTS = List.of(
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    /** Leaf hashes (level 0) of the eight inputs. */
    private static final List<String> LEAF_HASHES = List.of(
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7",
            "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658",
            "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
            "46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1");

    private static MerkleTree tree;

    @BeforeAll
    static void buildTree() {
        tree = new MerkleTree();
        for (byte[] input : LEAF_INPUTS) {
            tree.append(MerkleHash.leaf(input));
        }
    }

    @Test
    void leafHashesMatchTheVectors() {
        for (int i = 0; i < LEAF_INPUTS.size(); i++) {
            assertThat(hex(tree.leafHash(i))).as("leaf %d", i).isEqualTo(LEAF_HASHES.get(i));
        }
    }

    @Test
    void rootOfEveryPrefixMatchesTheVectors() {
        for (int size = 0; size <= 8; size++) {
            assertThat(hex(tree.root(size))).as("root of size %d", size).isEqualTo(ROOTS.get(size));
        }
        assertThat(hex(MerkleHash.emptyRoot())).isEqualTo(ROOTS.get(0));
    }

    @Test
    void inclusionProofsMatchTheVectors() throws Exception {
        expectInclusion(0, 8, "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        expectInclusion(5, 8, "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        expectInclusion(2, 3, "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125");
        expectInclusion(1, 5, "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
        expectInclusion(0, 1);
    }

    @Test
    void consistencyProofsMatchTheVectors() throws Exception {
        expectConsistency(1, 1);
        expectConsistency(1, 8, "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        expectConsistency(6, 8, "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        expectConsistency(2, 5, "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
        expectConsistency(6, 7, "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
    }

    @Test
    void theVectorsVerifyWithTheirRootsGivenAsBase64InTheJsonTestData() {
        // testdata/consistency/1/happy-path.json gives the same 1 -> 8 proof with roots in base64.
        java.util.Base64.Decoder b64 = java.util.Base64.getDecoder();
        ConsistencyProof proof = new ConsistencyProof(1, 8, List.of(
                b64.decode("lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c="),
                b64.decode("Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4="),
                b64.decode("a0eq8p7jwq+a+Im8H7klTavTEXfxYjLdaqsDXKOb9uQ=")));
        assertThatCode(() -> ConsistencyProofVerifier.verify(proof,
                b64.decode("bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0="),
                b64.decode("XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg="))).doesNotThrowAnyException();
    }

    private static void expectInclusion(long index, long size, String... path) throws Exception {
        InclusionProof proof = tree.inclusionProof(index, size);
        assertThat(proof.path()).extracting(Hex::hex).as("PATH(%d, D[%d])", index, size).containsExactly(path);
        InclusionProofVerifier.verify(MerkleHash.leaf(LEAF_INPUTS.get((int) index)),
                new InclusionProof(index, size, hs(path)), h(ROOTS.get((int) size)));
    }

    private static void expectConsistency(long from, long to, String... path) throws Exception {
        ConsistencyProof proof = tree.consistencyProof(from, to);
        assertThat(proof.path()).extracting(Hex::hex).as("PROOF(%d, D[%d])", from, to).containsExactly(path);
        ConsistencyProofVerifier.verify(new ConsistencyProof(from, to, hs(path)), h(ROOTS.get((int) from)),
                h(ROOTS.get((int) to)));
    }
}
