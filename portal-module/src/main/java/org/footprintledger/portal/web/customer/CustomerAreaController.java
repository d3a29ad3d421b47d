package org.footprintledger.portal.web.customer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;
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

    CustomerAreaController(CustomerAreaAssembler assembler, RenderedPages pages) {
        this.assembler = assembler;
        this.pages = pages;
    }

    /**
     * The page's HTML comes from {@link RenderedPages}: rendered by the template once per view model and language,
     * the view model assembled at every request (so every figure is read from the read models each time).
     */
    @GetMapping("/espace-client")
    void customerArea(Principal principal, @RequestParam(name = "mois", required = false) String month,
                      Model model, Locale locale, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        CustomerAreaPage page;
        try {
            page = assembler.assemble(principal.getName(), parseMonth(month));
        } catch (ConcurrencyFailureException e) {
            // two first views of the same lines at once: the one that lost binding their equivalences reads again
            page = assembler.assemble(principal.getName(), parseMonth(month));
        }
        model.addAttribute("page", page);
        pages.write(principal.getName(), "espace-client", model.asMap(), locale, request, response);
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
