package org.footprintledger.portal.security;

import org.springframework.security.core.Authentication;

/** The roles of contract.md; each client gets only its own. */
public final class Roles {

    public static final String FEED = "FEED";
    public static final String OPS = "OPS";
    public static final String AUDITOR = "AUDITOR";
    public static final String EDITOR = "EDITOR";
    public static final String SUBSCRIBER = "SUBSCRIBER";

    private Roles() {
    }

    /** Whether the caller holds this role (a granted authority {@code ROLE_<role>}). */
    public static boolean has(Authentication authentication, String role) {
        String authority = "ROLE_" + role;
        return authentication != null
                && authentication.getAuthorities().stream().anyMatch(a -> authority.equals(a.getAuthority()));
    }
}
