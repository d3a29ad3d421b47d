package org.footprintledger.content.api;

import java.math.BigDecimal;
import java.util.List;
import org.footprintledger.vocabulary.LineType;

/**
 * What an editor writes for one eco-tip: French text (required), English text (optional), both in the safe Markdown
 * subset; its target (line type, technologies by feed code such as {@code 4G} or {@code FTTH}, empty for any, and a
 * minimum monthly volume in Go, null for any); and how its saving is estimated ({@code volumeShare} in 0..1 for
 * VOLUME_SHARE).
 */
public record TipInput(
        String key,
        String textFr,
        String textEn,
        LineType lineType,
        List<String> technologies,
        BigDecimal minMonthlyGo,
        SavingBasis savingBasis,
        BigDecimal volumeShare) {
}
