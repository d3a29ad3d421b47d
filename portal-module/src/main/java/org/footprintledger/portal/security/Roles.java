package org.footprintledger.portal.security;

/** The roles of contract.md; each client gets only its own. */
public final class Roles {

    public static final String FEED = "FEED";
    public static final String OPS = "OPS";
    public static final String AUDITOR = "AUDITOR";
    public static final String EDITOR = "EDITOR";
    public static final String SUBSCRIBER = "SUBSCRIBER";

    private Roles() {
    }
}
