package org.footprintledger.portal.web.customer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.footprintledger.content.api.CustomerContent;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The espace client: for the month chosen (the last closed one by default) each line's four legal items with what
 * explains them, the month's total, the comparison, equivalences and tips; the twelve months' history per line; then,
 * in a section of its own and never added to them, the devices' amortised footprint this month ("Mon équipement").
 */
@Controller
class CustomerAreaController {

    private final CustomerAreaAssembler assembler;
    private final RenderedPages pages;
    private final CustomerAreaRevisions revisions;
    private final CustomerContent content;

    CustomerAreaController(CustomerAreaAssembler assembler, RenderedPages pages, CustomerAreaRevisions revisions,
                           CustomerContent content) {
        this.assembler = assembler;
        this.pages = pages;
        this.revisions = revisions;
        this.content = content;
    }

    /**
     * The page's HTML comes from {@link RenderedPages}, kept by the revision of everything it shows
     * ({@link CustomerAreaRevisions}, three index reads): the view model is assembled and the page rendered only
     * when that revision changed. A page served again counts its views as an assembled one does.
     */
    @GetMapping("/espace-client")
    void customerArea(Principal principal, @RequestParam(name = "mois", required = false) String month,
                      Model model, Locale locale, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        String subscriberId = principal.getName();
        pages.writeKept(subscriberId, "espace-client", revisions.of(subscriberId), () -> {
            model.addAttribute("page", assemble(subscriberId, parseMonth(month)));
            return model.asMap();
        }, kept -> countViews((CustomerAreaPage) kept.get("page")), locale, request, response);
    }

    private CustomerAreaPage assemble(String subscriberId, YearMonth month) {
        try {
            return assembler.assemble(subscriberId, month);
        } catch (ConcurrencyFailureException e) {
            // two first views of the same lines at once: the one that lost binding their equivalences reads again
            return assembler.assemble(subscriberId, month);
        }
    }

    private void countViews(CustomerAreaPage page) {
        content.countPageView();
        if (page.month() != null) {
            content.countShown(page.month().lines().stream().map(CustomerAreaPage.LineView::content)
                    .filter(java.util.Objects::nonNull).toList());
        }
    }

    /** A month asked for in the address, or {@code null} (the default month) when absent or not a month. */
    static YearMonth parseMonth(String month) {
        try {
            return month == null || month.isBlank() ? null : YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
