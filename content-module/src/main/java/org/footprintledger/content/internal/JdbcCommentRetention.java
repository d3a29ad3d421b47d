package org.footprintledger.content.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.footprintledger.content.api.CommentRetention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** {@link CommentRetention} over {@code feedback_rating}: one statement; metric {@code content_retention_comments_deleted_total}. */
@Component
class JdbcCommentRetention implements CommentRetention {

    private static final Logger log = LoggerFactory.getLogger(JdbcCommentRetention.class);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Period period;
    private final Counter deleted;

    JdbcCommentRetention(JdbcClient jdbc, Clock clock, MeterRegistry metrics,
                         @Value("${footprint.retention.comments:P24M}") String period) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.period = Period.parse(period);
        if (this.period.isNegative() || this.period.isZero()) {
            throw new IllegalArgumentException("footprint.retention.comments must be a positive ISO period such as "
                    + "P24M, got " + period);
        }
        this.deleted = Counter.builder("content.retention.comments.deleted")
                .description("Customers' comments deleted by their retention rule (the ratings stay)")
                .register(metrics);
    }

    @Scheduled(cron = "${footprint.retention.cron:0 45 3 * * *}", zone = "${footprint.month-close.zone:Europe/Paris}")
    void scheduled() {
        purgeExpired();
    }

    @Override
    public long purgeExpired() {
        ZonedDateTime cutoff = ZonedDateTime.now(clock.withZone(PARIS)).minus(period);
        long count = jdbc.sql("UPDATE feedback_rating SET comment = NULL WHERE comment IS NOT NULL AND created_at < ?")
                .param(Timestamp.from(cutoff.toInstant())).update();
        deleted.increment(count);
        if (count > 0) {
            log.info("{} comments written before {} deleted (footprint.retention.comments {}); their ratings stay",
                    count, cutoff.toLocalDate(), period);
        }
        return count;
    }
}
