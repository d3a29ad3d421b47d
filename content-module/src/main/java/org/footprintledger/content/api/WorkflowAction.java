package org.footprintledger.content.api;

/**
 * What an editor does to a version: SUBMIT (draft to review), REJECT (review back to draft), PUBLISH (review to
 * published; the version published before it is retired), RETIRE (published to retired).
 */
public enum WorkflowAction {
    SUBMIT,
    REJECT,
    PUBLISH,
    RETIRE
}
