package org.footprintledger.portal.web.feed;

import org.footprintledger.portal.web.JsonRequestBody;
import org.footprintledger.portal.web.PayloadTooLargeException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import org.footprintledger.usage.api.IntakeReport;
import org.footprintledger.usage.api.UsageIntake;
import org.footprintledger.usage.api.UsageRecordSubmission;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

/** The JSON batch endpoint of the usage feed (contract.md). */
@RestController
class UsageRecordsController {

    private final UsageIntake intake;
    private final UsageRecordsBody body;

    UsageRecordsController(UsageIntake intake, ObjectMapper json) {
        this.intake = intake;
        this.body = new UsageRecordsBody(json);
    }

    /** 10 000 records take about 3 MB; anything far larger is refused before it is read whole. */
    static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    @PostMapping(path = "/api/v1/usage/records", consumes = MediaType.APPLICATION_JSON_VALUE)
    IntakeReport submit(HttpServletRequest request) throws IOException {
        List<UsageRecordSubmission> submissions = body.read(JsonRequestBody.bytes(request, MAX_BODY_BYTES,
                "at most " + UsageIntake.MAX_BATCH_SIZE + " records"));
        if (submissions.size() > UsageIntake.MAX_BATCH_SIZE) {
            throw new PayloadTooLargeException("a batch holds at most " + UsageIntake.MAX_BATCH_SIZE
                    + " records, got " + submissions.size());
        }
        return intake.submit(submissions);
    }
}
