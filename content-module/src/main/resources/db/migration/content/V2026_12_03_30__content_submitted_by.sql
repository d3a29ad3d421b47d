-- four eyes: who submitted a version for review (null unless it went through review); the submitter may not publish it
ALTER TABLE content_version ADD COLUMN submitted_by VARCHAR(64);
UPDATE content_version SET submitted_by = status_changed_by WHERE status = 'IN_REVIEW';
