package org.footprintledger.content.domain;

import java.math.BigDecimal;
import org.footprintledger.content.api.TipContext;

/**
 * Whether a tip suits a line: same line type; a technology the tip names, or any when the tip names none or the
 * line's technology is unknown; and a month's volume (octets / 10^9) at least the tip's minimum in Go.
 */
public final class TipTargeting {

    static final BigDecimal OCTETS_PER_GO = BigDecimal.TEN.pow(9);

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
        return rule.minMonthlyGo() == null || monthlyGo(line).compareTo(rule.minMonthlyGo()) >= 0;
    }

    static BigDecimal monthlyGo(TipContext line) {
        return new BigDecimal(line.bytes()).divide(OCTETS_PER_GO);
    }
}
