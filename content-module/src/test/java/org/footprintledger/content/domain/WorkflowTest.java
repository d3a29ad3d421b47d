package org.footprintledger.content.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.footprintledger.content.api.ContentStatus.DRAFT;
import static org.footprintledger.content.api.ContentStatus.IN_REVIEW;
import static org.footprintledger.content.api.ContentStatus.PUBLISHED;
import static org.footprintledger.content.api.ContentStatus.RETIRED;
import static org.footprintledger.content.api.WorkflowAction.PUBLISH;
import static org.footprintledger.content.api.WorkflowAction.REJECT;
import static org.footprintledger.content.api.WorkflowAction.RETIRE;
import static org.footprintledger.content.api.WorkflowAction.SUBMIT;

import org.footprintledger.content.api.ContentConflictException;
import org.footprintledger.content.api.ContentStatus;
import org.footprintledger.content.api.FourEyesException;
import org.footprintledger.content.api.WorkflowAction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkflowTest {

    @Test
    void a_draft_is_submitted_published_then_retired() {
        ContentStatus status = Workflow.next(DRAFT, SUBMIT);
        assertThat(status).isEqualTo(IN_REVIEW);
        status = Workflow.next(status, PUBLISH);
        assertThat(status).isEqualTo(PUBLISHED);
        assertThat(Workflow.next(status, RETIRE)).isEqualTo(RETIRED);
    }

    @Test
    void a_rejected_review_goes_back_to_draft() {
        assertThat(Workflow.next(IN_REVIEW, REJECT)).isEqualTo(DRAFT);
    }

    @ParameterizedTest(name = "{1} from {0} is refused")
    @CsvSource({"DRAFT, PUBLISH", "DRAFT, REJECT", "DRAFT, RETIRE", "IN_REVIEW, SUBMIT", "IN_REVIEW, RETIRE",
            "PUBLISHED, SUBMIT", "PUBLISHED, PUBLISH", "PUBLISHED, REJECT", "RETIRED, PUBLISH", "RETIRED, SUBMIT"})
    void other_transitions_are_conflicts(ContentStatus from, WorkflowAction action) {
        assertThatThrownBy(() -> Workflow.next(from, action)).isInstanceOf(ContentConflictException.class)
                .hasMessageContaining(action.name()).hasMessageContaining(from.name());
    }

    @Test
    void a_new_version_waits_while_one_is_in_review() {
        assertThat(Workflow.editableWhileLatestIs(IN_REVIEW)).isFalse();
        assertThat(Workflow.editableWhileLatestIs(PUBLISHED)).isTrue();
        assertThat(Workflow.editableWhileLatestIs(DRAFT)).isTrue();
    }

    @Test
    void the_editor_who_submitted_a_version_cannot_publish_it_another_can() {
        assertThatThrownBy(() -> Workflow.next(IN_REVIEW, PUBLISH, "alice", "alice", true))
                .isInstanceOf(FourEyesException.class).hasMessageContaining("alice submitted this version");
        assertThat(Workflow.next(IN_REVIEW, PUBLISH, "alice", "bob", true)).isEqualTo(PUBLISHED);
    }

    @Test
    void the_submitter_may_still_reject_or_retire_its_own_version() {
        assertThat(Workflow.next(IN_REVIEW, REJECT, "alice", "alice", true)).isEqualTo(DRAFT);
        assertThat(Workflow.next(PUBLISHED, RETIRE, "alice", "alice", true)).isEqualTo(RETIRED);
    }

    @Test
    void with_four_eyes_off_one_account_may_submit_and_publish() {
        assertThat(Workflow.next(IN_REVIEW, PUBLISH, "alice", "alice", false)).isEqualTo(PUBLISHED);
    }

    @Test
    void a_status_conflict_is_told_before_four_eyes() {
        assertThatThrownBy(() -> Workflow.next(DRAFT, PUBLISH, "alice", "alice", true))
                .isInstanceOf(ContentConflictException.class).isNotInstanceOf(FourEyesException.class)
                .hasMessageContaining("DRAFT");
    }
}
