package org.childprotection.registry.integrity;

import org.childprotection.registry.testsupport.Rfc9162Verifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Known answers of the RFC 6962 / Certificate Transparency reference test vectors (as published with
 * transparency-dev/merkle: testonly/constants.go and proof/verify_test.go): eight leaf inputs, the roots of every
 * tree size, and inclusion and consistency proofs. The production code must produce exactly these, and the
 * independent RFC 9162 verifier must accept them.
 */
class MerkleTreeKnownAnswerTest {

    static final HexFormat HEX = HexFormat.of();
    static final List<String> LEAF_INPUTS = List.of("", "00", "10", "2021", "3031", "40414243", "5051525354555657",
            "606162636465666768696a6b6c6d6e6f");
    static final List<String> LEAF_HASHES = List.of(
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7",
            "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658",
            "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
            "46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1");
    static final List<String> ROOTS = List.of(
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    static final MerkleTree.Nodes TREE = MerkleTree.inMemory(LEAF_INPUTS.stream()
            .map(input -> MerkleTree.leafHash(HEX.parseHex(input))).toList());

    @Test
    void leaf_hashes_and_the_root_of_every_tree_size() {
        for (int i = 0; i < LEAF_INPUTS.size(); i++) {
            assertThat(HEX.formatHex(MerkleTree.leafHash(HEX.parseHex(LEAF_INPUTS.get(i))))).isEqualTo(LEAF_HASHES.get(i));
        }
        for (int size = 0; size <= 8; size++) {
            assertThat(HEX.formatHex(MerkleTree.root(TREE, size))).as("size " + size).isEqualTo(ROOTS.get(size));
        }
    }

    static Stream<Arguments> inclusionProofs() {
        return Stream.of(
                arguments(0, 1, List.of()),
                arguments(0, 8, List.of("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
                arguments(5, 8, List.of("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
                arguments(2, 3, List.of("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")),
                arguments(1, 5, List.of("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")));
    }

    @ParameterizedTest(name = "leaf {0} of {1}")
    @MethodSource("inclusionProofs")
    void inclusion_proofs(long leaf, long size, List<String> expected) {
        List<byte[]> proof = MerkleTree.inclusionProof(TREE, leaf, size);

        assertThat(proof.stream().map(HEX::formatHex).toList()).isEqualTo(expected);
        byte[] leafHash = HEX.parseHex(LEAF_HASHES.get((int) leaf));
        byte[] root = HEX.parseHex(ROOTS.get((int) size));
        assertThat(Rfc9162Verifier.verifyInclusion(leaf, size, leafHash, proof, root)).isTrue();
        assertThat(Rfc9162Verifier.verifyInclusion(leaf, size, HEX.parseHex(LEAF_HASHES.get((int) (leaf + 1) % 8)),
                proof, root)).as("another leaf").isFalse();
    }

    static Stream<Arguments> consistencyProofs() {
        return Stream.of(
                arguments(1, 1, List.of()),
                arguments(1, 8, List.of("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
                arguments(6, 8, List.of("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
                arguments(2, 5, List.of("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")),
                arguments(6, 7, List.of("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                        "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")));
    }

    @ParameterizedTest(name = "from {0} to {1}")
    @MethodSource("consistencyProofs")
    void consistency_proofs(long from, long to, List<String> expected) {
        List<byte[]> proof = MerkleTree.consistencyProof(TREE, from, to);

        assertThat(proof.stream().map(HEX::formatHex).toList()).isEqualTo(expected);
        byte[] first = HEX.parseHex(ROOTS.get((int) from));
        byte[] second = HEX.parseHex(ROOTS.get((int) to));
        assertThat(Rfc9162Verifier.verifyConsistency(from, to, first, second, proof)).isTrue();
        // the registry's own verifier (the signer's and the witness's) gives the same known answers
        assertThat(MerkleTree.verifyConsistency(from, to, first, second, proof)).isTrue();
        if (from != to) {
            assertThat(Rfc9162Verifier.verifyConsistency(from, to, second, first, proof)).as("swapped roots").isFalse();
            assertThat(MerkleTree.verifyConsistency(from, to, second, first, proof)).as("swapped roots").isFalse();
        }
    }

    @Test
    void every_proof_of_every_tree_up_to_40_leaves_verifies_independently() {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            leaves.add(MerkleTree.leafHash(new byte[]{(byte) i}));
        }
        MerkleTree.Nodes tree = MerkleTree.inMemory(leaves);
        for (int size = 1; size <= 40; size++) {
            byte[] root = MerkleTree.root(tree, size);
            for (int leaf = 0; leaf < size; leaf++) {
                assertThat(Rfc9162Verifier.verifyInclusion(leaf, size, leaves.get(leaf),
                        MerkleTree.inclusionProof(tree, leaf, size), root)).as(leaf + " of " + size).isTrue();
            }
            for (int from = 1; from <= size; from++) {
                assertThat(Rfc9162Verifier.verifyConsistency(from, size, MerkleTree.root(tree, from), root,
                        MerkleTree.consistencyProof(tree, from, size))).as(from + " to " + size).isTrue();
            }
        }
    }

    @Test
    void the_registry_verifies_consistency_as_rfc_9162_does_and_refuses_a_rewritten_prefix() {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            leaves.add(MerkleTree.leafHash(new byte[]{(byte) i}));
        }
        List<byte[]> rewritten = new ArrayList<>(leaves);
        rewritten.set(5, MerkleTree.leafHash(new byte[]{(byte) 99}));
        MerkleTree.Nodes tree = MerkleTree.inMemory(leaves);
        MerkleTree.Nodes forged = MerkleTree.inMemory(rewritten);
        for (int size = 1; size <= 40; size++) {
            for (int from = 0; from <= size; from++) {
                List<byte[]> proof = MerkleTree.consistencyProof(tree, from, size);
                byte[] first = MerkleTree.root(tree, from);
                assertThat(MerkleTree.verifyConsistency(from, size, first, MerkleTree.root(tree, size), proof))
                        .as(from + " to " + size).isTrue();
                if (from > 5) {
                    // the old head saw leaf 5 as it was: no proof from the rewritten tree can satisfy it
                    assertThat(MerkleTree.verifyConsistency(from, size, first, MerkleTree.root(forged, size),
                            MerkleTree.consistencyProof(forged, from, size))).as("rewritten " + from + " to " + size)
                            .isFalse();
                }
            }
            if (size > 1) {
                assertThat(MerkleTree.verifyConsistency(size, size - 1, MerkleTree.root(tree, size),
                        MerkleTree.root(tree, size - 1), List.of())).as("shrunk to " + (size - 1)).isFalse();
            }
        }
    }
}
