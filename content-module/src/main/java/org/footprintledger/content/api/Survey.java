package org.footprintledger.content.api;

import java.util.List;

/** A version of the recurring survey: its questions never change once stored; a change is a new version. */
public record Survey(int version, List<SurveyQuestion> questions) {
}
