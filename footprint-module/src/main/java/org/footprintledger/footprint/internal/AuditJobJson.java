package org.footprintledger.footprint.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.footprintledger.footprint.api.Simulations.MonthReport;

/** The JSON form of a simulation's month report in {@code ledger_simulation_month.report}. */
final class AuditJobJson {

    private static final ObjectMapper JSON = AxonConfiguration.axonObjectMapper();

    private AuditJobJson() {
    }

    static String write(MonthReport report) {
        try {
            return JSON.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the report of " + report.month() + " cannot be written", e);
        }
    }

    static MonthReport read(String json) {
        try {
            return JSON.readValue(json, MonthReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored simulation report cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
