package org.footprintledger.portal.security;

import java.util.function.Supplier;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * A subscriber's data may be read by that subscriber and by auditors, by nobody else: the rule is enforced on the
 * request path, before any controller runs. {@link #subscriberItselfOnly()} is the rule for what a subscriber
 * writes (its feedback): nobody but the subscriber itself, auditors included.
 */
final class SubscriberDataAccess implements AuthorizationManager<RequestAuthorizationContext> {

    static final String SUBSCRIBER_ID = "subscriberId";
    private final boolean auditorAllowed;

    SubscriberDataAccess() {
        this(true);
    }

    private SubscriberDataAccess(boolean auditorAllowed) {
        this.auditorAllowed = auditorAllowed;
    }

    static SubscriberDataAccess subscriberItselfOnly() {
        return new SubscriberDataAccess(false);
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
                                         RequestAuthorizationContext context) {
        Authentication auth = authentication.get();
        if (auth == null || !auth.isAuthenticated()) {
            return new AuthorizationDecision(false);
        }
        if (auditorAllowed && Roles.has(auth, Roles.AUDITOR)) {
            return new AuthorizationDecision(true);
        }
        String requested = context.getVariables().get(SUBSCRIBER_ID);
        return new AuthorizationDecision(Roles.has(auth, Roles.SUBSCRIBER) && auth.getName().equals(requested));
    }
}
