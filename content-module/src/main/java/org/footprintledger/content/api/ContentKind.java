package org.footprintledger.content.api;

/** The two kinds of editorial content, versioned and moved through the same workflow. */
public enum ContentKind {
    EQUIVALENCE,
    TIP
}
