package org.footprintledger.footprint.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The Merkle root over every chain head: leaf = SHA-256(genesis | ledger id | last sequence | last hash), the leaves in
 * ledger-id order, each level hashing pairs (an odd last node is carried up as it is); the root of no stream is the
 * genesis hash. Held outside the database, a root and its heads reveal a stream deleted or rewritten afterwards,
 * which no per-stream chain can.
 */
public final class ChainDigests {

    private ChainDigests() {
    }

    public static String merkleRoot(List<LedgerIntegrity.ChainHead> heads) {
        List<String> level = new ArrayList<>();
        heads.stream().sorted(Comparator.comparing(LedgerIntegrity.ChainHead::ledgerId))
                .forEach(head -> level.add(LedgerChain.link(LedgerChain.GENESIS,
                        Canonical.join(head.ledgerId(), head.lastSequence(), head.lastHash()))));
        if (level.isEmpty()) {
            return LedgerChain.GENESIS;
        }
        List<String> nodes = level;
        while (nodes.size() > 1) {
            List<String> up = new ArrayList<>((nodes.size() + 1) / 2);
            for (int i = 0; i < nodes.size(); i += 2) {
                up.add(i + 1 < nodes.size() ? LedgerChain.link(nodes.get(i), nodes.get(i + 1)) : nodes.get(i));
            }
            nodes = up;
        }
        return nodes.get(0);
    }
}
