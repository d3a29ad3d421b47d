package org.footprintledger.usage.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.footprintledger.vocabulary.LineType;
import org.footprintledger.vocabulary.Technology;
import org.footprintledger.usage.api.UsageRecordSubmission;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class UsageRecordValidatorTest {

    /** 2026-10-15 23:30 UTC is already 2026-10-16 in Paris. */
    private static final Clock LATE_EVENING_UTC = Clock.fixed(Instant.parse("2026-10-15T23:30:00Z"), ZoneOffset.UTC);
    private final UsageRecordValidator validator = new UsageRecordValidator(LATE_EVENING_UTC);

    private static UsageRecordSubmission record(String recordId, String lineType, String technology, String date,
                                                String bytesDown, String bytesUp, String estimated) {
        return new UsageRecordSubmission(recordId, "sub-1", "line-1", lineType, technology, date, bytesDown, bytesUp,
                estimated, null);
    }

    @Test
    void a_valid_mobile_record_is_kept_with_typed_fields() {
        ValidationOutcome outcome = validator.validate(0,
                record("r-1", "MOBILE", "5G", "2026-10-01", "1000", "24", "true"));

        assertThat(outcome.isValid()).isTrue();
        UsageRecord record = outcome.record();
        assertThat(record.lineType()).isEqualTo(LineType.MOBILE);
        assertThat(record.technology()).isEqualTo(Technology.MOBILE_5G);
        assertThat(record.usageDate()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(record.bytes()).isEqualTo(1024);
        assertThat(record.estimated()).isTrue();
    }

    @Test
    void empty_technology_and_empty_estimated_mean_unknown_and_false() {
        UsageRecord record = validator.validate(0, record("r-1", "FIXED", "", "2026-10-01", "0", "0", "")).record();

        assertThat(record.technology()).isNull();
        assertThat(record.estimated()).isFalse();
    }

    @Test
    void the_day_is_judged_in_paris_time() {
        assertThat(validator.validate(0, record("r-1", "MOBILE", "", "2026-10-16", "1", "1", "")).isValid())
                .isTrue();
        assertThat(validator.validate(0, record("r-1", "MOBILE", "", "2026-10-17", "1", "1", "")).rejection()
                .reason()).isEqualTo("2026-10-17 is in the future");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "forbidden character in id | bad id   | MOBILE | 4G   | 2026-10-01 | 1    | 1 | false | record_id",
            "unknown line type         | r-1      | SAT    | 4G   | 2026-10-01 | 1    | 1 | false | line_type",
            "unknown technology        | r-1      | MOBILE | 6G   | 2026-10-01 | 1    | 1 | false | technology",
            "technology of other type  | r-1      | MOBILE | FTTH | 2026-10-01 | 1    | 1 | false | technology",
            "fixed with a mobile tech  | r-1      | FIXED  | 4G   | 2026-10-01 | 1    | 1 | false | technology",
            "not a date                | r-1      | MOBILE | 4G   | 2026-13-01 | 1    | 1 | false | usage_date",
            "negative bytes            | r-1      | MOBILE | 4G   | 2026-10-01 | -5   | 1 | false | bytes_down",
            "non-numeric bytes         | r-1      | MOBILE | 4G   | 2026-10-01 | 1    | x | false | bytes_up",
            "decimal bytes             | r-1      | MOBILE | 4G   | 2026-10-01 | 1.5  | 1 | false | bytes_down",
            "over the limit            | r-1      | MOBILE | 4G   | 2026-10-01 | 10000000000001 | 1 | false | bytes_down",
            "far over the limit        | r-1      | MOBILE | 4G   | 2026-10-01 | 99999999999999999999 | 1 | false | bytes_down",
            "estimated not a boolean   | r-1      | MOBILE | 4G   | 2026-10-01 | 1    | 1 | yes   | estimated",
    })
    void each_broken_rule_names_its_field(String rule, String recordId, String lineType, String technology,
                                          String date, String down, String up, String estimated, String field) {
        ValidationOutcome outcome = validator.validate(7, record(recordId, lineType, technology, date, down, up,
                estimated));

        assertThat(outcome.isValid()).isFalse();
        assertThat(outcome.rejection().field()).isEqualTo(field);
        assertThat(outcome.rejection().index()).isEqualTo(7);
        assertThat(outcome.rejection().recordId()).isEqualTo(recordId);
        assertThat(outcome.rejection().reason()).isNotBlank();
    }

    @Test
    void the_byte_limit_itself_is_allowed() {
        assertThat(validator.validate(0, record("r-1", "FIXED", "", "2026-10-01", "10000000000000",
                "10000000000000", "")).isValid()).isTrue();
    }

    @Test
    void identifiers_are_limited_to_64_characters() {
        String tooLong = "a".repeat(65);
        assertThat(validator.validate(0, record(tooLong, "MOBILE", "", "2026-10-01", "1", "1", "")).rejection()
                .reason()).startsWith("is longer than 64 characters");
        assertThat(validator.validate(0, record("a".repeat(64), "MOBILE", "", "2026-10-01", "1", "1", ""))
                .isValid()).isTrue();
    }

    @Test
    void a_missing_subscriber_is_named() {
        UsageRecordSubmission noSubscriber = new UsageRecordSubmission("r-1", null, "line-1", "MOBILE", "",
                "2026-10-01", "1", "1", "", null);
        assertThat(validator.validate(0, noSubscriber).rejection().field()).isEqualTo("subscriber_id");
    }

    @Test
    void a_record_cannot_replace_itself() {
        UsageRecordSubmission selfReplacing = new UsageRecordSubmission("r-1", "sub-1", "line-1", "MOBILE", "",
                "2026-10-01", "1", "1", "", "r-1");
        assertThat(validator.validate(0, selfReplacing).rejection().field()).isEqualTo("replaces");
    }
}
