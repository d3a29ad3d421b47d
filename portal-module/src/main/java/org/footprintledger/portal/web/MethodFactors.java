package org.footprintledger.portal.web;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.footprintledger.footprint.api.LineType;

/**
 * The factor parts of each factor set a statement names, for the tips' saving estimates (fixed grams per line-month,
 * grams per Go). The ledger's api does not publish its factor sets yet: this table mirrors ADEME-2022 of the
 * ledger's FactorRegistry, and {@code StatementContentTest} checks it against statement figures. An unknown factor
 * set gives no part, hence no saving figure.
 */
final class MethodFactors {

    record Parts(BigDecimal fixedGramsPerLineMonth, BigDecimal gramsPerGo) {
    }

    private static final Map<String, Map<LineType, Parts>> SETS = Map.of(
            "ADEME-2022", Map.of(
                    LineType.MOBILE, new Parts(BigDecimal.ZERO, new BigDecimal("49.4")),
                    LineType.FIXED, new Parts(new BigDecimal("4100"), BigDecimal.ZERO)));

    private MethodFactors() {
    }

    static Optional<Parts> of(String factorSetId, LineType lineType) {
        return Optional.ofNullable(SETS.get(factorSetId)).map(set -> set.get(lineType));
    }
}
