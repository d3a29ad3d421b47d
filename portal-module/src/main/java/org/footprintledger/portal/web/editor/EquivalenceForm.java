package org.footprintledger.portal.web.editor;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.footprintledger.content.api.EquivalenceInput;
import org.footprintledger.content.api.EquivalenceVersion;

/** The equivalence form as sent by the page, read into an {@link EquivalenceInput} with its errors. */
public record EquivalenceForm(String key, String labelFrSingular, String labelFrPlural, String labelEnSingular,
                       String labelEnPlural, String kgCo2ePerUnit, String unit, String source, String validFrom) {

    static EquivalenceForm empty() {
        return new EquivalenceForm("", "", "", "", "", "", "", "", "");
    }

    static EquivalenceForm of(EquivalenceVersion version) {
        EquivalenceInput content = version.content();
        return new EquivalenceForm(content.key(), content.labelFrSingular(), content.labelFrPlural(),
                content.labelEnSingular(), content.labelEnPlural(),
                content.kgCo2ePerUnit().stripTrailingZeros().toPlainString(), content.unit(), content.source(),
                content.validFrom().toString());
    }

    /** The fields by name, for the page's loops over them. */
    java.util.Map<String, String> values() {
        java.util.Map<String, String> values = new java.util.HashMap<>();
        values.put("labelFrSingular", labelFrSingular);
        values.put("labelFrPlural", labelFrPlural);
        values.put("labelEnSingular", labelEnSingular);
        values.put("labelEnPlural", labelEnPlural);
        values.put("kgCo2ePerUnit", kgCo2ePerUnit);
        values.put("unit", unit);
        values.put("source", source);
        return values;
    }

    EquivalenceInput input(FieldErrors errors) {
        BigDecimal kg = FormNumbers.decimal(kgCo2ePerUnit, "kgCo2ePerUnit", errors);
        LocalDate from = FormNumbers.date(validFrom, "validFrom", errors);
        if (errors.any()) {
            return null;
        }
        return new EquivalenceInput(key, labelFrSingular, labelFrPlural, blankToNull(labelEnSingular),
                blankToNull(labelEnPlural), kg, unit, source, from);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
