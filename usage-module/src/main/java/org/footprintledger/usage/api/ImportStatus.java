package org.footprintledger.usage.api;

/**
 * Progress and outcome of a file import (contract.md). {@code rowsRead} counts data rows read so far; each row read is
 * counted once as accepted, duplicate or rejected once its batch is stored. {@code error} says why a FAILED import
 * stopped (rows before that point are kept). {@code rejectionsStored} counts the rejected rows kept for the
 * download (at most {@code footprint.import.max-stored-rejections}; the others are counted in {@code rejected}).
 */
public record ImportStatus(String importId, String status, long rowsRead, long accepted, long duplicates,
                           long rejected, String error, long rejectionsStored) {
}
