package org.footprintledger.portal.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many failed logins an account, and a client address, may have: each failure takes a token from that account's
 * bucket and from that address's (Bucket4j, refilled evenly over the period); a login attempt whose account or
 * address has no token left is refused before its password is checked, the right one included. A success forgets the
 * account's failures, never the address's. Buckets are kept in memory per node, bounded, dropped once idle for a
 * period (they are full again by then).
 */
@Component
public class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    private static final int MAX_KEY_LENGTH = 128;

    private final int accountFailures;
    private final int addressFailures;
    private final Duration period;
    private final Cache<String, Bucket> accounts;
    private final Cache<String, Bucket> addresses;
    private final MeterRegistry meters;
    private final Counter failures;

    LoginThrottle(@Value("${footprint.security.login-throttle.account-failures:5}") int accountFailures,
                  @Value("${footprint.security.login-throttle.address-failures:30}") int addressFailures,
                  @Value("${footprint.security.login-throttle.period:PT5M}") Duration period,
                  MeterRegistry meters) {
        if (accountFailures < 1 || addressFailures < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("footprint.security.login-throttle: failures must be at least 1 and "
                    + "the period positive, got " + accountFailures + ", " + addressFailures + ", " + period);
        }
        this.accountFailures = accountFailures;
        this.addressFailures = addressFailures;
        this.period = period;
        this.accounts = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(period).build();
        this.addresses = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(period).build();
        this.meters = meters;
        this.failures = Counter.builder("security.login.failures")
                .description("logins refused for a wrong account or password").register(meters);
    }

    /** How long the caller must wait before this account may try from this address, when it must. */
    Optional<Duration> refusal(String account, String address, String channel) {
        Duration wait = wait(accounts.getIfPresent(key(account)));
        String limit = "account";
        Duration addressWait = wait(addresses.getIfPresent(key(address)));
        if (addressWait.compareTo(wait) > 0) {
            wait = addressWait;
            limit = "address";
        }
        if (wait.isZero()) {
            return Optional.empty();
        }
        meters.counter("security.login.throttled", "channel", channel, "limit", limit).increment();
        log.warn("login throttled ({} limit, {}): account {} from {}, retry in {} s", limit, channel,
                key(account), key(address), wait.toSeconds());
        return Optional.of(wait);
    }

    void failed(String account, String address) {
        failures.increment();
        accounts.get(key(account), k -> bucket(accountFailures)).tryConsume(1);
        addresses.get(key(address), k -> bucket(addressFailures)).tryConsume(1);
    }

    void succeeded(String account) {
        accounts.invalidate(key(account));
    }

    private Bucket bucket(int capacity) {
        return Bucket.builder().addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, period)).build();
    }

    private static Duration wait(Bucket bucket) {
        if (bucket == null || bucket.getAvailableTokens() > 0) {
            return Duration.ZERO;
        }
        long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
        return Duration.ofSeconds(Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L));
    }

    private static String key(String value) {
        String key = value == null ? "" : value;
        return key.length() > MAX_KEY_LENGTH ? key.substring(0, MAX_KEY_LENGTH) : key;
    }
}
