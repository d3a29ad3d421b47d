package org.footprintledger.content.api;

import java.util.List;

/** An editor's new survey version: French questions (required) and English ones (optional, same count). */
public record PublishSurveyCommand(List<String> questionsFr, List<String> questionsEn) {
}
