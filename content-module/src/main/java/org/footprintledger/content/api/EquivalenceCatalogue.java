package org.footprintledger.content.api;

import java.util.List;

/** The versioned equivalence catalogue, as editors manage it. */
public interface EquivalenceCatalogue {

    /** The latest version of every equivalence, whatever its status. */
    List<EquivalenceVersion> latest();

    /** Every version of one equivalence, oldest first; 404 when unknown. */
    List<EquivalenceVersion> versions(long itemId);

    /** A new equivalence, as its version 1 in DRAFT. */
    EquivalenceVersion create(EquivalenceInput input, String editor);

    /** A new DRAFT version of an existing equivalence; the published one stays shown until this one is published. */
    EquivalenceVersion edit(long itemId, EquivalenceInput input, String editor);
}
