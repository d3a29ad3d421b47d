package org.footprintledger.content.domain;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.footprintledger.content.api.ContentInputException;
import org.footprintledger.content.api.EquivalenceInput;
import org.footprintledger.content.api.SavingBasis;
import org.footprintledger.content.api.TipInput;
import org.footprintledger.vocabulary.Technology;

/**
 * Editorial input rules, each failure naming its field: a key of 1-64 characters {@code a-z0-9-}; French text
 * required, English optional; texts in the safe Markdown subset; numbers positive; technologies of the tip's line type.
 */
public final class ContentValidation {

    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final int MAX_LABEL = 200;

    private ContentValidation() {
    }

    public static void validate(EquivalenceInput input) {
        key(input.key());
        required("labelFrSingular", input.labelFrSingular(), MAX_LABEL);
        required("labelFrPlural", input.labelFrPlural(), MAX_LABEL);
        optional("labelEnSingular", input.labelEnSingular(), MAX_LABEL);
        optional("labelEnPlural", input.labelEnPlural(), MAX_LABEL);
        if ((input.labelEnSingular() == null) != (input.labelEnPlural() == null)) {
            throw new ContentInputException("labelEnPlural", "English needs both singular and plural, or neither");
        }
        positive("kgCo2ePerUnit", input.kgCo2ePerUnit());
        required("unit", input.unit(), 40);
        required("source", input.source(), 500);
        if (input.validFrom() == null) {
            throw new ContentInputException("validFrom", "required (ISO date yyyy-MM-dd)");
        }
    }

    public static TipRule validate(TipInput input) {
        key(input.key());
        required("textFr", input.textFr(), SafeMarkdown.MAX_LENGTH);
        optional("textEn", input.textEn(), SafeMarkdown.MAX_LENGTH);
        if (input.lineType() == null) {
            throw new ContentInputException("lineType", "required: MOBILE or FIXED");
        }
        Set<Technology> technologies = EnumSet.noneOf(Technology.class);
        for (String code : input.technologies() == null ? List.<String>of() : input.technologies()) {
            Technology technology = Technology.fromCode(code).filter(t -> t.lineType() == input.lineType())
                    .orElseThrow(() -> new ContentInputException("technologies",
                            "\"" + code + "\" is not a technology of a " + input.lineType() + " line"));
            technologies.add(technology);
        }
        if (input.minMonthlyGo() != null) {
            positive("minMonthlyGo", input.minMonthlyGo());
        }
        if (input.savingBasis() == null) {
            throw new ContentInputException("savingBasis", "required: VOLUME_SHARE, LINE_FLAT or OUTSIDE_METHOD");
        }
        if (input.savingBasis() == SavingBasis.VOLUME_SHARE) {
            positive("volumeShare", input.volumeShare());
            if (input.volumeShare().compareTo(BigDecimal.ONE) > 0) {
                throw new ContentInputException("volumeShare", "a share of the volume, at most 1");
            }
        }
        return new TipRule(input.lineType(), technologies, input.minMonthlyGo(), input.savingBasis(),
                input.volumeShare());
    }

    private static void key(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new ContentInputException("key", "1 to 64 characters a-z, 0-9 and '-', got \"" + key + "\"");
        }
    }

    private static void required(String field, String text, int max) {
        if (text == null || text.isBlank()) {
            throw new ContentInputException(field, "required");
        }
        optional(field, text, max);
    }

    private static void optional(String field, String text, int max) {
        if (text == null) {
            return;
        }
        if (text.length() > max) {
            throw new ContentInputException(field, "at most " + max + " characters, got " + text.length());
        }
        SafeMarkdown.validate(field, text);
    }

    private static void positive(String field, BigDecimal value) {
        if (value == null || value.signum() <= 0) {
            throw new ContentInputException(field, "a positive number is required, got " + value);
        }
    }
}
