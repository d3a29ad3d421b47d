package org.footprintledger.content.internal;

import org.footprintledger.content.api.ContentKind;
import org.footprintledger.content.api.ContentNotFoundException;
import org.footprintledger.content.api.ContentStatus;
import org.footprintledger.content.api.ContentWorkflow;
import org.footprintledger.content.api.FourEyesException;
import org.footprintledger.content.api.WorkflowAction;
import org.footprintledger.content.domain.Workflow;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Applies the editorial state machine to stored versions; publishing retires the version published before. */
@Service
class JdbcContentWorkflow implements ContentWorkflow {

    private static final Logger log = LoggerFactory.getLogger(JdbcContentWorkflow.class);
    private final ContentVersions versions;
    private final ContentMetrics metrics;
    private final boolean fourEyes;

    JdbcContentWorkflow(ContentVersions versions, ContentMetrics metrics,
                        @Value("${footprint.content.four-eyes:true}") boolean fourEyes) {
        this.versions = versions;
        this.metrics = metrics;
        this.fourEyes = fourEyes;
        if (!fourEyes) {
            log.warn("four eyes off (footprint.content.four-eyes=false): an editor may publish what it submitted");
        }
    }

    @Override
    public boolean fourEyes() {
        return fourEyes;
    }

    @Override
    public Optional<String> submittedBy(long itemId, int version) {
        return versions.submittedBy(itemId, version);
    }

    @Override
    @Transactional
    public ContentStatus apply(long itemId, int version, WorkflowAction action, String editor) {
        ContentKind kind = versions.kind(itemId)
                .orElseThrow(() -> new ContentNotFoundException("no content item " + itemId));
        ContentStatus from = versions.statusForUpdate(itemId, version);
        ContentStatus to;
        try {
            to = Workflow.next(from, action, versions.submittedBy(itemId, version).orElse(null), editor, fourEyes);
        } catch (FourEyesException e) {
            metrics.fourEyesRefused(kind);
            log.warn("{} {} version {}: {} refused to {} (four eyes)", kind, itemId, version, action, editor);
            throw e;
        }
        if (to == ContentStatus.PUBLISHED) {
            versions.retirePublished(itemId, editor);
            metrics.published(kind, 1);
        }
        versions.setStatus(itemId, version, to, editor);
        log.info("{} {} version {}: {} -> {} by {}", kind, itemId, version, from, to, editor);
        return to;
    }
}
