package org.footprintledger.content.api;

/** One question of a survey version, answered by a rating from 1 to 5. */
public record SurveyQuestion(int position, String textFr, String textEn) {

    public String text(Lang lang) {
        return lang == Lang.EN && textEn != null ? textEn : textFr;
    }
}
