package org.footprintledger.portal.web;

import java.security.Principal;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.footprintledger.content.api.CustomerContent;
import org.footprintledger.content.api.CustomerSurvey;
import org.footprintledger.content.api.Lang;
import org.footprintledger.content.api.LineContent;
import org.footprintledger.footprint.api.Devices;
import org.footprintledger.footprint.api.MonthlyStatement;
import org.footprintledger.portal.security.Roles;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The espace client: the logged-in subscriber's statements of the last twelve months, newest first, each line with
 * its equivalences; the latest month's lines with their tips; the "was this useful?" forms and the quarterly survey;
 * then, in a section of its own and never added to them, its devices' amortised footprint this month ("Mon
 * équipement"). French by default, English with {@code ?lang=en}.
 */
@Controller
class CustomerAreaController {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private final StatementReader statements;
    private final StatementContent content;
    private final CustomerContent views;
    private final CustomerSurvey survey;
    private final Devices devices;
    private final Clock clock;

    CustomerAreaController(StatementReader statements, StatementContent content, CustomerContent views,
                           CustomerSurvey survey, Devices devices, Clock clock) {
        this.statements = statements;
        this.content = content;
        this.views = views;
        this.survey = survey;
        this.devices = devices;
        this.clock = clock;
    }

    /** Where a login lands: editors on the editor pages, everyone else in the customer area. */
    @GetMapping("/")
    String home(Authentication authentication) {
        return Roles.has(authentication, Roles.EDITOR) ? "redirect:/editeur" : "redirect:/espace-client";
    }

    @GetMapping("/espace-client")
    String customerArea(Principal principal, @RequestParam(required = false) String lang, Model model) {
        YearMonth current = YearMonth.now(clock.withZone(PARIS));
        List<MonthlyStatement> months = new ArrayList<>(
                statements.range(principal.getName(), current.minusMonths(11), current));
        Collections.reverse(months);
        Map<String, LineContent> lineContent = new HashMap<>();
        for (int i = 0; i < months.size(); i++) {
            MonthlyStatement statement = months.get(i);
            content.show(statement, i == 0)
                    .forEach((lineId, shown) -> lineContent.put(statement.month() + "/" + lineId, shown));
        }
        views.countPageView();
        Lang language = Lang.parse(lang);
        model.addAttribute("subscriberId", principal.getName());
        model.addAttribute("statements", months);
        model.addAttribute("content", lineContent);
        model.addAttribute("lang", language);
        model.addAttribute("en", language == Lang.EN);
        model.addAttribute("survey", survey.surveyFor(principal.getName()));
        model.addAttribute("equipment", DeviceView.of(principal.getName(), current,
                devices.monthlyFootprintOf(principal.getName(), current)));
        return "espace-client";
    }
}
