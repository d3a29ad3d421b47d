package org.footprintledger.portal.web.ops;

import java.time.Clock;
import java.time.YearMonth;
import org.footprintledger.portal.web.DisplayFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The ops landing page: what an ops account does, and where (health, metrics, parked ledgers, month close, imports). */
@Controller
class OpsHomeController {

    private final Clock clock;

    OpsHomeController(Clock clock) {
        this.clock = clock;
    }

    @GetMapping("/ops")
    String opsHome(Model model) {
        model.addAttribute("lastMonth", YearMonth.now(clock.withZone(DisplayFormat.PARIS)).minusMonths(1).toString());
        return "ops-home";
    }
}
