package org.footprintledger.portal.web.editor;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.footprintledger.content.api.SavingBasis;
import org.footprintledger.content.api.TipInput;
import org.footprintledger.content.api.TipVersion;
import org.footprintledger.vocabulary.LineType;

/** The tip form as sent by the page: every field as typed, read into a {@link TipInput} with its errors. */
public record TipForm(String key, String textFr, String textEn, String lineType, String technologies, String minMonthlyGo,
               String savingBasis, String volumeShare) {

    static TipForm empty() {
        return new TipForm("", "", "", "MOBILE", "", "", "VOLUME_SHARE", "");
    }

    static TipForm of(TipVersion version) {
        TipInput content = version.content();
        return new TipForm(content.key(), content.textFr(), content.textEn(), content.lineType().name(),
                String.join(", ", content.technologies()), plain(content.minMonthlyGo()),
                content.savingBasis().name(), plain(content.volumeShare()));
    }

    /** The input for the content module, or null with the fields the page could not read in {@code errors}. */
    TipInput input(FieldErrors errors) {
        LineType type = choice(LineType.class, lineType, "lineType", errors);
        SavingBasis basis = choice(SavingBasis.class, savingBasis, "savingBasis", errors);
        BigDecimal minGo = FormNumbers.decimal(minMonthlyGo, "minMonthlyGo", errors);
        BigDecimal share = FormNumbers.decimal(volumeShare, "volumeShare", errors);
        List<String> codes = technologies == null || technologies.isBlank() ? List.of()
                : Arrays.stream(technologies.split("[,\\s]+")).filter(code -> !code.isBlank()).toList();
        if (errors.any()) {
            return null;
        }
        return new TipInput(key, textFr, textEn, type, codes, minGo, basis, share);
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value, String field, FieldErrors errors) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.reject(field, "editor.error.choice");
            return null;
        }
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }
}
