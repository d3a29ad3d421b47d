package org.footprintledger.portal.web.customer;

import org.footprintledger.portal.web.BadRequestException;
import java.security.Principal;
import java.util.Map;
import org.footprintledger.portal.privacy.PersonalDataExports;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * "My data": a subscriber's statements, corrections, explanations and methodology versions as CSV or JSON, through
 * the API (the subscriber itself and auditors, checked by the security chain) and from the customer page (the
 * logged-in subscriber, by its session).
 */
@RestController
class SubscriberExportController {

    private final SubscriberExport export;
    private final PersonalDataExports exports;

    SubscriberExportController(SubscriberExport export, PersonalDataExports exports) {
        this.export = export;
        this.exports = exports;
    }

    @GetMapping("/api/v1/subscribers/{subscriberId}/export")
    ResponseEntity<?> export(@PathVariable String subscriberId,
                             @RequestParam(defaultValue = "json") String format, Principal principal) {
        return download(subscriberId, format, principal.getName());
    }

    @GetMapping("/espace-client/mes-donnees")
    ResponseEntity<?> myData(Principal principal, @RequestParam(defaultValue = "csv") String format) {
        return download(principal.getName(), format, principal.getName());
    }

    private ResponseEntity<?> download(String subscriberId, String format, String requestedBy) {
        if (!format.equals("csv") && !format.equals("json")) {
            throw new BadRequestException("format must be csv or json, got \"" + format + "\"", null, null);
        }
        SubscriberExport.Document document = export.of(subscriberId);
        exports.recorded(subscriberId, requestedBy, format, Map.of("statements", (long) document.statements().size(),
                "explanations", (long) document.explanations().size()));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentDisposition(ContentDisposition.attachment()
                .filename("empreinte-" + subscriberId + "." + format).build());
        if (format.equals("csv")) {
            headers.setContentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8));
            // a byte order mark, so that spreadsheets open the UTF-8 text with its accents
            return new ResponseEntity<>("\uFEFF" + export.csv(document), headers, 200);
        }
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new ResponseEntity<>(document, headers, 200);
    }
}
