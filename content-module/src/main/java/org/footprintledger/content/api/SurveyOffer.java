package org.footprintledger.content.api;

/** The survey as offered to one subscriber: the current version, the quarter, and whether it is still to answer. */
public record SurveyOffer(Survey survey, String quarter, boolean offered) {
}
