package org.footprintledger.content.internal;

import java.util.Optional;
import org.footprintledger.content.api.ContentConflictException;
import org.footprintledger.content.api.ContentKind;
import org.footprintledger.content.api.ContentNotFoundException;
import org.footprintledger.content.api.ContentStatus;
import org.footprintledger.content.domain.Workflow;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Items and the status of their versions (tables {@code content_item}, {@code content_version}). */
@Repository
class ContentVersions {

    private final JdbcClient jdbc;

    ContentVersions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long createItem(ContentKind kind, String key) {
        try {
            return jdbc.sql("INSERT INTO content_item (kind, item_key) VALUES (?, ?) RETURNING item_id")
                    .params(kind.name(), key).query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw new ContentConflictException(kind + " with key \"" + key + "\" exists already; edit it instead");
        }
    }

    String key(long itemId, ContentKind kind) {
        return jdbc.sql("SELECT item_key FROM content_item WHERE item_id = ? AND kind = ?")
                .params(itemId, kind.name()).query(String.class).optional()
                .orElseThrow(() -> new ContentNotFoundException("no " + kind + " with id " + itemId));
    }

    Optional<ContentKind> kind(long itemId) {
        return jdbc.sql("SELECT kind FROM content_item WHERE item_id = ?").param(itemId)
                .query(String.class).optional().map(ContentKind::valueOf);
    }

    /**
     * Opens the next version of an item as DRAFT, locking the item. Refused while a version is in review; a draft
     * left open is retired (kept, but replaced by the new one).
     */
    int openDraft(long itemId, String editor) {
        jdbc.sql("SELECT item_id FROM content_item WHERE item_id = ? FOR UPDATE").param(itemId).query(Long.class)
                .single();
        Optional<ContentStatus> latest = jdbc.sql("SELECT status FROM content_version WHERE item_id = ? "
                        + "ORDER BY version DESC LIMIT 1").param(itemId).query(String.class).optional()
                .map(ContentStatus::valueOf);
        if (latest.isPresent() && !Workflow.editableWhileLatestIs(latest.get())) {
            throw new ContentConflictException("item " + itemId + " has a version in review: reject or publish it "
                    + "before writing another");
        }
        jdbc.sql("UPDATE content_version SET status = 'RETIRED', status_changed_by = ?, status_changed_at = now() "
                + "WHERE item_id = ? AND status = 'DRAFT'").params(editor, itemId).update();
        int version = jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM content_version WHERE item_id = ?")
                .param(itemId).query(Integer.class).single();
        jdbc.sql("INSERT INTO content_version (item_id, version, status, created_by, status_changed_by) "
                + "VALUES (?, ?, 'DRAFT', ?, ?)").params(itemId, version, editor, editor).update();
        return version;
    }

    /** The status of a version, with the item locked until the transaction ends (one transition at a time). */
    ContentStatus statusForUpdate(long itemId, int version) {
        jdbc.sql("SELECT item_id FROM content_item WHERE item_id = ? FOR UPDATE").param(itemId).query(Long.class)
                .optional();
        return jdbc.sql("SELECT status FROM content_version WHERE item_id = ? AND version = ? FOR UPDATE")
                .params(itemId, version).query(String.class).optional().map(ContentStatus::valueOf)
                .orElseThrow(() -> new ContentNotFoundException("no version " + version + " of item " + itemId));
    }

    /**
     * Moves a version to {@code status}; entering review records the submitter (four eyes), going back to draft
     * forgets it, publication and retirement keep it.
     */
    void setStatus(long itemId, int version, ContentStatus status, String editor) {
        jdbc.sql("UPDATE content_version SET status = ?, status_changed_by = ?, status_changed_at = now(), "
                        + "submitted_by = CASE ? WHEN 'IN_REVIEW' THEN ? WHEN 'DRAFT' THEN NULL ELSE submitted_by END "
                        + "WHERE item_id = ? AND version = ?")
                .params(status.name(), editor, status.name(), editor, itemId, version).update();
    }

    /** Who submitted the version for review, if it went through review. */
    Optional<String> submittedBy(long itemId, int version) {
        return jdbc.sql("SELECT submitted_by FROM content_version WHERE item_id = ? AND version = ?")
                .params(itemId, version).query((rs, row) -> Optional.ofNullable(rs.getString(1))).optional()
                .flatMap(o -> o);
    }

    /** Retires the version published so far, if any: the one about to be published replaces it. */
    void retirePublished(long itemId, String editor) {
        jdbc.sql("UPDATE content_version SET status = 'RETIRED', status_changed_by = ?, status_changed_at = now() "
                + "WHERE item_id = ? AND status = 'PUBLISHED'").params(editor, itemId).update();
    }
}
