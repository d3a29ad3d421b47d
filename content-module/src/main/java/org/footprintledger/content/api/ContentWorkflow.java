package org.footprintledger.content.api;

import java.util.Optional;

/** Moves one version of an equivalence or a tip through DRAFT, IN_REVIEW, PUBLISHED, RETIRED. */
public interface ContentWorkflow {

    /**
     * The status after the action; 409 when the action is not allowed from the version's status, and
     * ({@link FourEyesException}) when the editor publishing is the one who submitted it while {@link #fourEyes()}.
     */
    ContentStatus apply(long itemId, int version, WorkflowAction action, String editor);

    /** Whether the four-eyes rule is on ({@code footprint.content.four-eyes}, on by default). */
    boolean fourEyes();

    /** Who submitted the version for review, if it went through review (empty for a draft). */
    Optional<String> submittedBy(long itemId, int version);
}
