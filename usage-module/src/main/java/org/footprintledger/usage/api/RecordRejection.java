package org.footprintledger.usage.api;

/**
 * Why one record was not taken.
 *
 * @param index    position of the record in what was submitted (0-based for a JSON batch)
 * @param recordId the record id as sent, possibly invalid or null
 * @param field    the field at fault, in the feed's column naming
 * @param reason   what is wrong, for a person
 */
public record RecordRejection(long index, String recordId, String field, String reason) {
}
