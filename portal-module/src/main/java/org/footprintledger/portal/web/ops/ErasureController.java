package org.footprintledger.portal.web.ops;

import java.security.Principal;
import org.footprintledger.portal.privacy.PersonalDataErasure;
import org.footprintledger.portal.web.BadRequestException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Erasure of a subscriber's personal data (ops, GDPR art. 17): {@code {"reason": "…"}} is required. Answers what was
 * erased, kind by kind; 404 when nothing is held under the id (never known, or erased already); 409 when its ledger
 * streams were written by an earlier release under its id and are not re-keyed yet.
 */
@RestController
class ErasureController {

    static final int MAX_REASON = 500;

    private final PersonalDataErasure erasure;

    ErasureController(PersonalDataErasure erasure) {
        this.erasure = erasure;
    }

    /** Why the subscriber is erased (its request, the end of its contract…), kept in the personal data log. */
    record ErasureRequest(String reason) {
    }

    @PostMapping(path = "/api/v1/ops/subscribers/{subscriberId}/erasure", consumes = MediaType.APPLICATION_JSON_VALUE)
    PersonalDataErasure.Erasure erase(@PathVariable String subscriberId,
                                      @RequestBody(required = false) ErasureRequest request, Principal who) {
        String reason = request == null || request.reason() == null ? "" : request.reason().strip();
        if (reason.isEmpty()) {
            throw new BadRequestException("reason is required: {\"reason\": \"why the subscriber is erased\"}", null,
                    null);
        }
        if (reason.length() > MAX_REASON) {
            throw new BadRequestException("reason is longer than " + MAX_REASON + " characters (" + reason.length()
                    + ")", null, null);
        }
        return erasure.erase(subscriberId, reason, who.getName());
    }
}
