package org.footprintledger.usage.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What one import file may hold (docs/api.md, "Hostile input"): a longer line is one rejected row; a file that expands to
 * more bytes or holds more rows ends FAILED at that point, keeping what was stored; rejections beyond the stored
 * maximum are counted, not stored.
 */
@Component
record ImportLimits(int maxLineBytes, long maxExpandedBytes, long maxRows, long maxStoredRejections) {

    ImportLimits(@Value("${footprint.import.max-line-length:4096}") int maxLineBytes,
                 @Value("${footprint.import.max-expanded-size:21474836480}") long maxExpandedBytes,
                 @Value("${footprint.import.max-rows:200000000}") long maxRows,
                 @Value("${footprint.import.max-stored-rejections:100000}") long maxStoredRejections) {
        if (maxLineBytes < 256 || maxExpandedBytes < 1 || maxRows < 1 || maxStoredRejections < 0) {
            throw new IllegalArgumentException("footprint.import limits: max-line-length at least 256, max-expanded-size"
                    + " and max-rows at least 1, max-stored-rejections at least 0");
        }
        this.maxLineBytes = maxLineBytes;
        this.maxExpandedBytes = maxExpandedBytes;
        this.maxRows = maxRows;
        this.maxStoredRejections = maxStoredRejections;
    }
}
