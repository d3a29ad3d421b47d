package org.footprintledger.portal.web.customer;

import org.footprintledger.portal.web.BadRequestException;
import java.security.Principal;
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

    SubscriberExportController(SubscriberExport export) {
        this.export = export;
    }

    @GetMapping("/api/v1/subscribers/{subscriberId}/export")
    ResponseEntity<?> export(@PathVariable String subscriberId,
                             @RequestParam(defaultValue = "json") String format) {
        return download(subscriberId, format);
    }

    @GetMapping("/espace-client/mes-donnees")
    ResponseEntity<?> myData(Principal principal, @RequestParam(defaultValue = "csv") String format) {
        return download(principal.getName(), format);
    }

    private ResponseEntity<?> download(String subscriberId, String format) {
        if (!format.equals("csv") && !format.equals("json")) {
            throw new BadRequestException("format must be csv or json, got \"" + format + "\"", null, null);
        }
        SubscriberExport.Document document = export.of(subscriberId);
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
