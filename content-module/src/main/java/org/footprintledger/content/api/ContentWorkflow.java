package org.footprintledger.content.api;

/** Moves one version of an equivalence or a tip through DRAFT, IN_REVIEW, PUBLISHED, RETIRED. */
public interface ContentWorkflow {

    /** The status after the action; 409 when the action is not allowed from the version's status. */
    ContentStatus apply(long itemId, int version, WorkflowAction action, String editor);
}
