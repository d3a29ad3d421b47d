package org.footprintledger.portal.web;

import java.security.Principal;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.footprintledger.footprint.api.Devices;
import org.footprintledger.footprint.api.MonthlyStatement;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The espace client: the logged-in subscriber's statements of the last twelve months, newest first; then, in a
 * section of its own and never added to them, its devices' amortised footprint this month ("Mon équipement").
 */
@Controller
class CustomerAreaController {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private final StatementReader statements;
    private final Devices devices;
    private final Clock clock;

    CustomerAreaController(StatementReader statements, Devices devices, Clock clock) {
        this.statements = statements;
        this.devices = devices;
        this.clock = clock;
    }

    @GetMapping("/")
    String home() {
        return "redirect:/espace-client";
    }

    @GetMapping("/espace-client")
    String customerArea(Principal principal, Model model) {
        YearMonth current = YearMonth.now(clock.withZone(PARIS));
        List<MonthlyStatement> months = new ArrayList<>(
                statements.range(principal.getName(), current.minusMonths(11), current));
        Collections.reverse(months);
        model.addAttribute("subscriberId", principal.getName());
        model.addAttribute("statements", months);
        model.addAttribute("equipment", DeviceView.of(principal.getName(), current,
                devices.monthlyFootprintOf(principal.getName(), current)));
        return "espace-client";
    }
}
