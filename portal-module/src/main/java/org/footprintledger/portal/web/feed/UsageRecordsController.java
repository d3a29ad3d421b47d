package org.footprintledger.portal.web.feed;

import org.footprintledger.portal.web.BadRequestException;
import org.footprintledger.portal.web.JsonRequestBody;
import org.footprintledger.portal.web.PayloadTooLargeException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.footprintledger.usage.api.IntakeReport;
import org.footprintledger.usage.api.UsageIntake;
import org.footprintledger.usage.api.UsageRecordSubmission;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The JSON batch endpoint of the usage feed (contract.md). */
@RestController
class UsageRecordsController {

    private final UsageIntake intake;
    private final ObjectMapper json;

    UsageRecordsController(UsageIntake intake, ObjectMapper json) {
        this.intake = intake;
        this.json = json;
    }

    /** 10 000 records take about 3 MB; anything far larger is refused before it is read whole. */
    static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    @PostMapping(path = "/api/v1/usage/records", consumes = MediaType.APPLICATION_JSON_VALUE)
    IntakeReport submit(HttpServletRequest request) throws IOException {
        JsonNode root = JsonRequestBody.read(request, json, MAX_BODY_BYTES,
                "at most " + UsageIntake.MAX_BATCH_SIZE + " records");
        JsonNode records = root == null ? null : root.get("records");
        if (records == null || !records.isArray()) {
            throw new BadRequestException("the body must be an object with an array \"records\"", null, null);
        }
        if (records.size() > UsageIntake.MAX_BATCH_SIZE) {
            throw new PayloadTooLargeException("a batch holds at most " + UsageIntake.MAX_BATCH_SIZE
                    + " records, got " + records.size());
        }
        List<UsageRecordSubmission> submissions = new ArrayList<>(records.size());
        for (JsonNode record : records) {
            submissions.add(toSubmission(record));
        }
        return intake.submit(submissions);
    }


    private static UsageRecordSubmission toSubmission(JsonNode record) {
        return new UsageRecordSubmission(text(record, "recordId"), text(record, "subscriberId"),
                text(record, "lineId"), text(record, "lineType"), text(record, "technology"),
                text(record, "usageDate"), text(record, "bytesDown"), text(record, "bytesUp"),
                text(record, "estimated"), text(record, "replaces"));
    }

    /** Scalars as text so that the validator reports wrong types ("1.5", "abc") like wrong CSV cells. */
    private static String text(JsonNode record, String field) {
        JsonNode value = record.isObject() ? record.get(field) : null;
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isContainer()) {
            return value.toString();
        }
        return value.asString();
    }
}
