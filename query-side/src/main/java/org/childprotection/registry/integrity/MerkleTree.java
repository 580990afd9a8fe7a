package org.childprotection.registry.integrity;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * The Merkle Tree Hash of RFC 9162 §2.1 (as RFC 6962): leaf = SHA-256(0x00 || data),
 * node = SHA-256(0x01 || left || right), with inclusion and consistency proofs. Complete subtrees come from
 * a {@link Nodes} source, so that a tree of any size costs O(log n) look-ups per root or proof.
 */
public final class MerkleTree {

    /** Hashes of complete subtrees: level 0 are the leaf hashes; (level, index) covers 2^level leaves. */
    public interface Nodes {
        byte[] complete(int level, long index);
    }

    private MerkleTree() {
    }

    public static byte[] leafHash(byte[] data) {
        return sha256((byte) 0x00, data, null);
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        return sha256((byte) 0x01, left, right);
    }

    public static byte[] emptyRoot() {
        return sha256(null, new byte[0], null);
    }

    /** MTH(D[0:size]). */
    public static byte[] root(Nodes nodes, long size) {
        return size == 0 ? emptyRoot() : subtree(nodes, 0, size);
    }

    /** PATH(m, D[0:size]): the audit path of leaf {@code m}. */
    public static List<byte[]> inclusionProof(Nodes nodes, long m, long size) {
        if (m < 0 || m >= size) {
            throw new IllegalArgumentException("leaf " + m + " is not in a tree of size " + size);
        }
        List<byte[]> proof = new ArrayList<>();
        path(nodes, m, 0, size, proof);
        return proof;
    }

    /** PROOF(m, D[0:n]): that the tree of size m is a prefix of the tree of size n. */
    public static List<byte[]> consistencyProof(Nodes nodes, long m, long n) {
        if (m < 0 || m > n) {
            throw new IllegalArgumentException("no consistency proof from size " + m + " to size " + n);
        }
        List<byte[]> proof = new ArrayList<>();
        if (m > 0 && m < n) {
            subproof(nodes, m, 0, n, true, proof);
        }
        return proof;
    }

    /** Checks an audit path (RFC 9162 §2.1.3.2): does the leaf at this index lead to this root? */
    public static boolean verifyInclusion(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> path,
                                          byte[] rootHash) {
        if (leafIndex < 0 || leafIndex >= treeSize) {
            return false;
        }
        long fn = leafIndex;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && java.util.Arrays.equals(r, rootHash);
    }

    /**
     * Checks a consistency proof (RFC 9162 §2.1.4.2): is the tree of size {@code first} with root {@code firstRoot}
     * a prefix of the tree of size {@code second} with root {@code secondRoot}?
     */
    public static boolean verifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot,
                                            List<byte[]> proof) {
        if (first < 0 || first > second) {
            return false;
        }
        if (first == second) {
            return proof.isEmpty() && java.util.Arrays.equals(firstRoot, secondRoot);
        }
        if (first == 0) {
            // the empty tree is a prefix of every tree; RFC 9162 gives no proof for it
            return proof.isEmpty();
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(first) == 1) {
            path.add(0, firstRoot);
        }
        if (path.isEmpty()) {
            return false;
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && java.util.Arrays.equals(fr, firstRoot) && java.util.Arrays.equals(sr, secondRoot);
    }

    /** MTH(D[start:end]); {@code start} lies on a boundary of the tree's split, as RFC 9162 splits it. */
    static byte[] subtree(Nodes nodes, long start, long end) {
        long n = end - start;
        if (Long.bitCount(n) == 1 && start % n == 0) {
            return nodes.complete(Long.numberOfTrailingZeros(n), start / n);
        }
        long k = largestPowerOfTwoBelow(n);
        return nodeHash(subtree(nodes, start, start + k), subtree(nodes, start + k, end));
    }

    private static void path(Nodes nodes, long m, long start, long end, List<byte[]> proof) {
        long n = end - start;
        if (n == 1) {
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m - start < k) {
            path(nodes, m, start, start + k, proof);
            proof.add(subtree(nodes, start + k, end));
        } else {
            path(nodes, m, start + k, end, proof);
            proof.add(subtree(nodes, start, start + k));
        }
    }

    private static void subproof(Nodes nodes, long m, long start, long end, boolean whole, List<byte[]> proof) {
        long n = end - start;
        if (m == n) {
            if (!whole) {
                proof.add(subtree(nodes, start, end));
            }
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(nodes, m, start, start + k, whole, proof);
            proof.add(subtree(nodes, start + k, end));
        } else {
            subproof(nodes, m - k, start + k, end, false, proof);
            proof.add(subtree(nodes, start, start + k));
        }
    }

    /** The largest power of two smaller than n (n > 1). */
    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }

    private static byte[] sha256(Byte prefix, byte[] first, byte[] second) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            if (prefix != null) {
                sha.update(prefix);
            }
            sha.update(first);
            if (second != null) {
                sha.update(second);
            }
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** All complete subtrees over leaf hashes held in memory, built bottom-up once (O(n)). */
    public static Nodes inMemory(List<byte[]> leafHashes) {
        List<List<byte[]>> levels = new ArrayList<>();
        levels.add(leafHashes);
        for (List<byte[]> below = leafHashes; below.size() > 1; ) {
            List<byte[]> above = new ArrayList<>(below.size() / 2);
            for (int i = 0; i + 1 < below.size(); i += 2) {
                above.add(nodeHash(below.get(i), below.get(i + 1)));
            }
            levels.add(above);
            below = above;
        }
        return (level, index) -> levels.get(level).get(Math.toIntExact(index));
    }
}
