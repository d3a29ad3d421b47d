package org.footprintledger.content.domain;

import static org.footprintledger.content.api.ContentStatus.DRAFT;
import static org.footprintledger.content.api.ContentStatus.IN_REVIEW;
import static org.footprintledger.content.api.ContentStatus.PUBLISHED;
import static org.footprintledger.content.api.ContentStatus.RETIRED;

import org.footprintledger.content.api.ContentConflictException;
import org.footprintledger.content.api.ContentStatus;
import org.footprintledger.content.api.FourEyesException;
import org.footprintledger.content.api.WorkflowAction;

/**
 * The editorial state machine of a version: DRAFT -SUBMIT-> IN_REVIEW -PUBLISH-> PUBLISHED -RETIRE-> RETIRED, and
 * IN_REVIEW -REJECT-> DRAFT. Anything else is a conflict with the version's state.
 */
public final class Workflow {

    private Workflow() {
    }

    public static ContentStatus next(ContentStatus from, WorkflowAction action) {
        ContentStatus to = switch (action) {
            case SUBMIT -> from == DRAFT ? IN_REVIEW : null;
            case REJECT -> from == IN_REVIEW ? DRAFT : null;
            case PUBLISH -> from == IN_REVIEW ? PUBLISHED : null;
            case RETIRE -> from == PUBLISHED ? RETIRED : null;
        };
        if (to == null) {
            throw new ContentConflictException("cannot " + action + " a version in status " + from);
        }
        return to;
    }

    /**
     * The transition with the four-eyes rule: when {@code fourEyes} is on, the account that submitted a version
     * may not publish it; another editor reviews what one editor wrote. Every other move is as {@link #next}.
     */
    public static ContentStatus next(ContentStatus from, WorkflowAction action, String submittedBy, String actor,
                                     boolean fourEyes) {
        ContentStatus to = next(from, action);
        if (fourEyes && action == WorkflowAction.PUBLISH && submittedBy != null && submittedBy.equals(actor)) {
            throw new FourEyesException("four eyes: " + actor + " submitted this version and may not publish it; "
                    + "another editor must review and publish it");
        }
        return to;
    }

    /** A new version may be written unless one is in review (the review must end first). */
    public static boolean editableWhileLatestIs(ContentStatus latest) {
        return latest != IN_REVIEW;
    }
}
