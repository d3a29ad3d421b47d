package org.footprintledger.content.api;

/** What an editor does to a comment: HIDE it from everyone but editors, SHOW it again, FLAG or UNFLAG it. */
public enum ModerationAction {
    HIDE,
    SHOW,
    FLAG,
    UNFLAG
}
