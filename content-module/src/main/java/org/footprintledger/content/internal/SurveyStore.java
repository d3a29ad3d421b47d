package org.footprintledger.content.internal;

import java.util.List;
import org.footprintledger.content.api.Survey;
import org.footprintledger.content.api.SurveyQuestion;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Survey versions with their questions, and answers (one per subscriber and quarter: the primary key). */
@Repository
class SurveyStore {

    private final JdbcClient jdbc;

    SurveyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Survey current() {
        int version = jdbc.sql("SELECT MAX(version) FROM survey_version").query(Integer.class).single();
        List<SurveyQuestion> questions = jdbc.sql("SELECT position, text_fr, text_en FROM survey_question "
                        + "WHERE survey_version = ? ORDER BY position").param(version)
                .query((rs, row) -> new SurveyQuestion(rs.getInt("position"), rs.getString("text_fr"),
                        rs.getString("text_en")))
                .list();
        return new Survey(version, questions);
    }

    boolean answered(String subscriberId, String quarter) {
        return jdbc.sql("SELECT count(*) FROM survey_answer WHERE subscriber_id = ? AND quarter = ?")
                .params(subscriberId, quarter).query(Long.class).single() > 0;
    }

    /** Stores the answer unless the subscriber answered this quarter already: false then. */
    boolean insert(String subscriberId, String quarter, int version, List<Integer> ratings) {
        int inserted = jdbc.sql("INSERT INTO survey_answer (subscriber_id, quarter, survey_version) VALUES (?, ?, ?) "
                + "ON CONFLICT DO NOTHING").params(subscriberId, quarter, version).update();
        if (inserted == 0) {
            return false;
        }
        for (int i = 0; i < ratings.size(); i++) {
            jdbc.sql("INSERT INTO survey_answer_rating (subscriber_id, quarter, position, rating) VALUES (?, ?, ?, ?)")
                    .params(subscriberId, quarter, i + 1, ratings.get(i)).update();
        }
        return true;
    }

    int publish(List<String> questionsFr, List<String> questionsEn, String editor) {
        jdbc.sql("LOCK TABLE survey_version IN EXCLUSIVE MODE").update();
        int version = jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM survey_version").query(Integer.class)
                .single();
        jdbc.sql("INSERT INTO survey_version (version, created_by) VALUES (?, ?)").params(version, editor).update();
        for (int i = 0; i < questionsFr.size(); i++) {
            jdbc.sql("INSERT INTO survey_question (survey_version, position, text_fr, text_en) VALUES (?, ?, ?, ?)")
                    .params(version, i + 1, questionsFr.get(i), questionsEn == null ? null : questionsEn.get(i))
                    .update();
        }
        return version;
    }

    /** Per survey version and question answered in {@code quarter}: the count of each rating 1 to 5. */
    List<RatingCounts> ratingCounts(String quarter) {
        return jdbc.sql("""
                        SELECT a.survey_version, q.position, q.text_fr, q.text_en,
                               count(*) FILTER (WHERE r.rating = 1) AS r1, count(*) FILTER (WHERE r.rating = 2) AS r2,
                               count(*) FILTER (WHERE r.rating = 3) AS r3, count(*) FILTER (WHERE r.rating = 4) AS r4,
                               count(*) FILTER (WHERE r.rating = 5) AS r5
                        FROM survey_answer a
                        JOIN survey_answer_rating r ON r.subscriber_id = a.subscriber_id AND r.quarter = a.quarter
                        JOIN survey_question q ON q.survey_version = a.survey_version AND q.position = r.position
                        WHERE a.quarter = ?
                        GROUP BY a.survey_version, q.position, q.text_fr, q.text_en
                        ORDER BY a.survey_version, q.position""")
                .param(quarter)
                .query((rs, row) -> new RatingCounts(rs.getInt("survey_version"), rs.getInt("position"),
                        rs.getString("text_fr"), rs.getString("text_en"), new long[] {rs.getLong("r1"),
                        rs.getLong("r2"), rs.getLong("r3"), rs.getLong("r4"), rs.getLong("r5")}))
                .list();
    }

    long answers(String quarter) {
        return jdbc.sql("SELECT count(*) FROM survey_answer WHERE quarter = ?").param(quarter).query(Long.class)
                .single();
    }

    record RatingCounts(int version, int position, String textFr, String textEn, long[] counts) {
    }
}
