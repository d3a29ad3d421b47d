package org.footprintledger.portal.web.audit;

import java.util.List;
import org.footprintledger.footprint.api.PersonalDataLog;
import org.footprintledger.portal.web.BadRequestException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The personal data log for auditors: every export and erasure, newest first (the subject as its ledger key). */
@RestController
class PersonalDataLogController {

    private final PersonalDataLog personalDataLog;

    PersonalDataLogController(PersonalDataLog personalDataLog) {
        this.personalDataLog = personalDataLog;
    }

    @GetMapping("/api/v1/audit/personal-data-log")
    List<PersonalDataLog.Entry> latest(@RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new BadRequestException("limit must be between 1 and 1000, got " + limit, null, null);
        }
        return personalDataLog.latest(limit);
    }
}
