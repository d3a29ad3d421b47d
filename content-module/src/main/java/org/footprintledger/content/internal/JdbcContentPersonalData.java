package org.footprintledger.content.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.footprintledger.content.api.ContentPersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@link ContentPersonalData} over the feedback and binding tables. A survey answer's ratings reference it, so the
 * answer is copied under the marker, its ratings moved, then the answer under the id deleted.
 */
@Component
class JdbcContentPersonalData implements ContentPersonalData {

    private final JdbcClient jdbc;

    JdbcContentPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Long> erase(String subscriberId, String anonymousMarker) {
        Map<String, Long> erased = new LinkedHashMap<>();
        erased.put("comments", (long) jdbc.sql("UPDATE feedback_rating SET comment = NULL "
                + "WHERE subscriber_id = ? AND comment IS NOT NULL").params(subscriberId).update());
        erased.put("ratings_anonymised", (long) jdbc.sql("UPDATE feedback_rating SET subscriber_id = ? "
                + "WHERE subscriber_id = ?").params(anonymousMarker, subscriberId).update());
        erased.put("survey_answers_anonymised", (long) jdbc.sql("INSERT INTO survey_answer "
                + "(subscriber_id, quarter, survey_version, answered_at) SELECT ?, quarter, survey_version, answered_at "
                + "FROM survey_answer WHERE subscriber_id = ?").params(anonymousMarker, subscriberId).update());
        jdbc.sql("UPDATE survey_answer_rating SET subscriber_id = ? WHERE subscriber_id = ?")
                .params(anonymousMarker, subscriberId).update();
        jdbc.sql("DELETE FROM survey_answer WHERE subscriber_id = ?").params(subscriberId).update();
        jdbc.sql("DELETE FROM equivalence_binding_choice WHERE subscriber_id = ?").params(subscriberId).update();
        erased.put("equivalence_bindings", (long) jdbc.sql("DELETE FROM equivalence_binding WHERE subscriber_id = ?")
                .params(subscriberId).update());
        return erased;
    }
}
