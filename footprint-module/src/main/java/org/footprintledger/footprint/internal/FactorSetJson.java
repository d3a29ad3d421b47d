package org.footprintledger.footprint.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.footprintledger.footprint.api.FactorSet;

/**
 * The factor set table's own JSON form of a set ({@code ledger_factor_set.factor_set}): the record's fields, with
 * Axon's mapper settings but not Axon's serializer, so a change of the stored event format leaves the table as it is.
 */
final class FactorSetJson {

    private static final ObjectMapper JSON = AxonConfiguration.axonObjectMapper();

    private FactorSetJson() {
    }

    static String write(FactorSet set) {
        try {
            return JSON.writeValueAsString(set);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("factor set " + set.id() + " cannot be written", e);
        }
    }

    static FactorSet read(String json) {
        try {
            return JSON.readValue(json, FactorSet.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored factor set cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
