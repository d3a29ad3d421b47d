package org.footprintledger.portal.web.feed;

import org.footprintledger.portal.web.BadRequestException;
import org.footprintledger.portal.web.GoneException;
import org.footprintledger.portal.web.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.footprintledger.usage.api.FileImports;
import org.footprintledger.usage.api.ImportStatus;
import org.footprintledger.usage.api.UsageRetention;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** File imports of the usage feed (contract.md): CSV or gzip body, imported in the background. */
@RestController
class UsageImportsController {

    private final FileImports imports;
    private final UsageRetention retention;

    UsageImportsController(FileImports imports, UsageRetention retention) {
        this.imports = imports;
        this.retention = retention;
    }

    @PostMapping(path = "/api/v1/usage/imports",
            consumes = {"text/csv", "application/gzip", "application/x-gzip"})
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, String> start(HttpServletRequest request) throws IOException {
        return Map.of("importId", imports.start(request.getInputStream()));
    }

    @GetMapping("/api/v1/usage/imports")
    List<ImportStatus> recent(@RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new BadRequestException("limit must be between 1 and 1000, got " + limit, null, null);
        }
        return imports.recent(limit);
    }

    @GetMapping("/api/v1/usage/imports/{importId}")
    ImportStatus status(@PathVariable String importId) {
        return imports.status(importId).orElseThrow(() -> new NotFoundException("no import " + importId));
    }

    @GetMapping(path = "/api/v1/usage/imports/{importId}/rejections", produces = "text/csv")
    void rejections(@PathVariable String importId, HttpServletResponse response) throws IOException {
        if (imports.status(importId).isEmpty()) {
            throw new NotFoundException("no import " + importId);
        }
        retention.rejectionsPurgedAt(importId).ifPresent(purgedAt -> {
            throw new GoneException("the rejected rows of import " + importId + " were deleted on " + purgedAt
                    + " by their retention rule (footprint.retention.import-rejections)");
        });
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"rejections-" + importId + ".csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        imports.writeRejections(importId, out);
        out.flush();
    }
}
