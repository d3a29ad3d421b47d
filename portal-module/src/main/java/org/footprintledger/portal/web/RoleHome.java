package org.footprintledger.portal.web;

import java.util.Arrays;
import java.util.Optional;
import org.footprintledger.portal.security.Roles;
import org.springframework.security.core.Authentication;

/**
 * Where each role lands after logging in, and the key of the words saying what it may do ({@code role.<key>.*}).
 * An account with several roles (a token may carry more than one) lands on the first of this order.
 */
public enum RoleHome {
    EDITOR(Roles.EDITOR, "/editeur", "editor"),
    AUDITOR(Roles.AUDITOR, "/audit", "auditor"),
    OPS(Roles.OPS, "/ops", "ops"),
    FEED(Roles.FEED, "/feed", "feed"),
    SUBSCRIBER(Roles.SUBSCRIBER, "/espace-client", "subscriber");

    private final String role;
    private final String path;
    private final String key;

    RoleHome(String role, String path, String key) {
        this.role = role;
        this.path = path;
        this.key = key;
    }

    /** The home of the caller's first role, or empty for a caller with none of the product's roles. */
    public static Optional<RoleHome> of(Authentication authentication) {
        return Arrays.stream(values()).filter(home -> Roles.has(authentication, home.role)).findFirst();
    }

    public String path() {
        return path;
    }

    public String key() {
        return key;
    }
}
