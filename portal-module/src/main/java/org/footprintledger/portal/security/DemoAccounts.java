package org.footprintledger.portal.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Map;
import org.footprintledger.usage.api.SubscriberDirectory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The demo identities of contract.md: {@code feed}, {@code ops}, {@code auditor}, {@code editor} and {@code editor2} (password equal to
 * the name), and every subscriber known to the feed with password {@code demo}. Only in demo mode: production takes
 * bearer tokens and has no such account.
 */
@Component
@ConditionalOnProperty(name = "footprint.security.mode", havingValue = "demo", matchIfMissing = true)
class DemoAccounts implements UserDetailsService {

    /**
     * Cheap on purpose: HTTP Basic checks the password on every API call, and these passwords are public; a password
     * just verified is not verified again for a few minutes ({@link VerifiedPasswords}).
     */
    private static final PasswordEncoder ENCODER = new VerifiedPasswords(new BCryptPasswordEncoder(4));

    /** name to (role, password hash); a fresh UserDetails per lookup, as Spring Security erases credentials. */
    private final Map<String, StaffAccount> staff;
    private final String subscriberPasswordHash = ENCODER.encode("demo");
    private final SubscriberDirectory subscribers;
    private final Cache<String, Boolean> knownSubscribers = Caffeine.newBuilder()
            .maximumSize(100_000).expireAfterWrite(Duration.ofMinutes(5)).build();

    DemoAccounts(SubscriberDirectory subscribers) {
        this.subscribers = subscribers;
        this.staff = Map.of(
                "feed", staff("feed", Roles.FEED),
                "ops", staff("ops", Roles.OPS),
                "auditor", staff("auditor", Roles.AUDITOR),
                "editor", staff("editor", Roles.EDITOR),
                // a second editor, so that the four-eyes rule can be tried: one submits, the other publishes
                "editor2", staff("editor2", Roles.EDITOR));
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        StaffAccount account = staff.get(username);
        if (account != null) {
            return User.withUsername(username).password(account.passwordHash()).roles(account.role()).build();
        }
        if (isKnownSubscriber(username)) {
            return User.withUsername(username).password(subscriberPasswordHash).roles(Roles.SUBSCRIBER).build();
        }
        throw new UsernameNotFoundException("no demo account " + username);
    }

    /**
     * HTTP Basic looks the account up on every API call: a subscriber found known is not looked up again for a few
     * minutes (an unknown name is looked up each time, so a subscriber the feed has just made known can log in).
     */
    private boolean isKnownSubscriber(String username) {
        if (knownSubscribers.getIfPresent(username) != null) {
            return true;
        }
        boolean known = subscribers.isKnown(username);
        if (known) {
            knownSubscribers.put(username, Boolean.TRUE);
        }
        return known;
    }

    static PasswordEncoder passwordEncoder() {
        return ENCODER;
    }

    private static StaffAccount staff(String name, String role) {
        return new StaffAccount(role, ENCODER.encode(name));
    }

    private record StaffAccount(String role, String passwordHash) {
    }
}
