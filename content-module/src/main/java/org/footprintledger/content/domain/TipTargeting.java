package org.footprintledger.content.domain;

import org.footprintledger.content.api.TipContext;

/**
 * Whether a tip suits a line: same line type; a technology the tip names, or any when the tip names none or the
 * line's technology is unknown; and a month's volume in Go (of the statement's unit) at least the tip's minimum.
 */
public final class TipTargeting {

    private TipTargeting() {
    }

    public static boolean suits(TipRule rule, TipContext line) {
        if (rule.lineType() != line.lineType()) {
            return false;
        }
        if (!rule.technologies().isEmpty() && line.technology() != null
                && !rule.technologies().contains(line.technology())) {
            return false;
        }
        return rule.minMonthlyGo() == null || line.monthlyGo().compareTo(rule.minMonthlyGo()) >= 0;
    }
}
