-- Tokens and dead letters move from Axon's JPA entities to Axon's JDBC token store and dead-letter queue, on the same
-- tables. The token table needs no change (the JDBC store writes the same columns, its times as text too). The JDBC
-- dead-letter queue writes and compares its times as ISO-8601 text (Axon's DateTimeUtils: UTC, milliseconds), so the
-- three time columns become text in that form. Sagas were never used: their JPA tables go.
-- V2026_12_02_04 (UntypedFormsMigration, Java) then rewrites what the release serialized with default typing.
ALTER TABLE dead_letter_entry
    ALTER COLUMN enqueued_at TYPE VARCHAR(255)
        USING to_char(enqueued_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    ALTER COLUMN last_touched TYPE VARCHAR(255)
        USING to_char(last_touched AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    ALTER COLUMN processing_started TYPE VARCHAR(255)
        USING to_char(processing_started AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');

DROP TABLE association_value_entry;
DROP SEQUENCE association_value_entry_seq;
DROP TABLE saga_entry;
