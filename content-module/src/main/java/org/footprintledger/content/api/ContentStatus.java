package org.footprintledger.content.api;

/** Where a version of a content item stands: only a PUBLISHED version is shown to customers. */
public enum ContentStatus {
    DRAFT,
    IN_REVIEW,
    PUBLISHED,
    RETIRED
}
