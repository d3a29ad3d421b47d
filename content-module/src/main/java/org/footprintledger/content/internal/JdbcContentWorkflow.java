package org.footprintledger.content.internal;

import org.footprintledger.content.api.ContentKind;
import org.footprintledger.content.api.ContentNotFoundException;
import org.footprintledger.content.api.ContentStatus;
import org.footprintledger.content.api.ContentWorkflow;
import org.footprintledger.content.api.WorkflowAction;
import org.footprintledger.content.domain.Workflow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Applies the editorial state machine to stored versions; publishing retires the version published before. */
@Service
class JdbcContentWorkflow implements ContentWorkflow {

    private static final Logger log = LoggerFactory.getLogger(JdbcContentWorkflow.class);
    private final ContentVersions versions;
    private final ContentMetrics metrics;

    JdbcContentWorkflow(ContentVersions versions, ContentMetrics metrics) {
        this.versions = versions;
        this.metrics = metrics;
    }

    @Override
    @Transactional
    public ContentStatus apply(long itemId, int version, WorkflowAction action, String editor) {
        ContentKind kind = versions.kind(itemId)
                .orElseThrow(() -> new ContentNotFoundException("no content item " + itemId));
        ContentStatus from = versions.statusForUpdate(itemId, version);
        ContentStatus to = Workflow.next(from, action);
        if (to == ContentStatus.PUBLISHED) {
            versions.retirePublished(itemId, editor);
            metrics.published(kind, 1);
        }
        versions.setStatus(itemId, version, to, editor);
        log.info("{} {} version {}: {} -> {} by {}", kind, itemId, version, from, to, editor);
        return to;
    }
}
