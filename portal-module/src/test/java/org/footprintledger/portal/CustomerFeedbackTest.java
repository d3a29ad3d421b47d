package org.footprintledger.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Feedback limits: comment length, a survey once a quarter, and a subscriber speaks only for itself. */
class CustomerFeedbackTest extends PortalIntegrationTest {

    private final ContentFixtures fixtures = new ContentFixtures(this);
    private String alice;
    private String bob;

    @BeforeEach
    void twoSubscribers() {
        alice = ContentFixtures.newSubscriber("fa");
        bob = ContentFixtures.newSubscriber("fb");
        fixtures.usage(alice, 1_000_000_000L, 0);
        fixtures.usage(bob, 1_000_000_000L, 0);
    }

    private static Map<String, Object> rating(String target, Long itemId, boolean useful, String comment) {
        Map<String, Object> body = new HashMap<>();
        body.put("target", target);
        body.put("itemId", itemId);
        body.put("useful", useful);
        body.put("comment", comment);
        return body;
    }

    private String ratings(String subscriber) {
        return "/api/v1/feedback/subscribers/" + subscriber + "/ratings";
    }

    private String survey(String subscriber) {
        return "/api/v1/feedback/subscribers/" + subscriber + "/survey";
    }

    @Test
    void a_comment_of_500_characters_is_taken_501_is_refused() {
        ApiClient.Response taken = as(alice, "demo").postJson(ratings(alice), rating("PAGE", null, true,
                "a".repeat(500)));
        ApiClient.Response refused = as(alice, "demo").postJson(ratings(alice), rating("PAGE", null, true,
                "a".repeat(501)));

        assertThat(taken.status()).isEqualTo(201);
        assertThat(taken.json().get("ratingId").asLong()).isPositive();
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("field").asString()).isEqualTo("comment");
        assertThat(refused.json().get("message").asString()).contains("500");
    }

    @Test
    void a_subscriber_cannot_rate_or_answer_for_another_nor_can_staff() {
        assertThat(as(alice, "demo").postJson(ratings(bob), rating("PAGE", null, true, null)).status())
                .isEqualTo(403);
        assertThat(as(alice, "demo").get(survey(bob)).status()).isEqualTo(403);
        assertThat(as(alice, "demo").postJson(survey(bob), Map.of("surveyVersion", 1, "ratings", List.of(5, 5, 5)))
                .status()).isEqualTo(403);
        for (String staff : new String[] {"auditor", "editor", "ops", "feed"}) {
            assertThat(as(staff, staff).postJson(ratings(bob), rating("PAGE", null, true, null)).status())
                    .as(staff).isEqualTo(403);
        }
        assertThat(as(bob, "demo").postJson(ratings(bob), rating("PAGE", null, false, null)).status())
                .isEqualTo(201);
    }

    @Test
    void the_survey_is_offered_once_a_quarter_and_stored_with_its_version() {
        JsonNode offer = as(alice, "demo").get(survey(alice)).json();
        assertThat(offer.get("offered").asBoolean()).isTrue();
        int version = offer.get("survey").get("version").asInt();
        int questions = offer.get("survey").get("questions").size();
        assertThat(questions).isBetween(2, 3);

        ApiClient.Response outOfRange = as(alice, "demo").postJson(survey(alice),
                Map.of("surveyVersion", version, "ratings", List.of(5, 6, 1).subList(0, questions)));
        assertThat(outOfRange.status()).isEqualTo(400);
        assertThat(outOfRange.json().get("field").asString()).isEqualTo("ratings[1]");

        List<Integer> answers = List.of(4, 5, 3).subList(0, questions);
        assertThat(as(alice, "demo").postJson(survey(alice), Map.of("surveyVersion", version, "ratings", answers))
                .status()).isEqualTo(201);
        ApiClient.Response second = as(alice, "demo").postJson(survey(alice),
                Map.of("surveyVersion", version, "ratings", answers));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("message").asString()).contains("once a quarter");
        assertThat(as(alice, "demo").get(survey(alice)).json().get("offered").asBoolean()).isFalse();
    }

    @Test
    void tips_are_rated_and_editors_see_ratings_and_comments_and_moderate_them() {
        JsonNode content = as(alice, "demo").get("/api/v1/content/subscribers/" + alice + "/statements/"
                + ContentFixtures.LAST_MONTH).json();
        JsonNode tip = content.get("lines").get(0).get("tips").get(0);
        long tipId = tip.get("itemId").asLong();

        long ratingId = as(alice, "demo").postJson(ratings(alice), rating("TIP", tipId, true, "Très clair"))
                .json().get("ratingId").asLong();
        as(bob, "demo").postJson(ratings(bob), rating("TIP", tipId, false, null));
        assertThat(as(alice, "demo").postJson(ratings(alice), rating("TIP", 999_999L, true, null)).status())
                .isEqualTo(404);
        assertThat(as(alice, "demo").postJson(ratings(alice), rating("TIP", null, true, null)).status())
                .isEqualTo(400);

        JsonNode stats = fixtures.editor().get("/api/v1/content/stats").json();
        JsonNode tipStats = find(stats, "itemId", tipId);
        assertThat(tipStats.get("views").asLong()).isPositive();
        assertThat(tipStats.get("yes").asLong()).isPositive();
        assertThat(tipStats.get("no").asLong()).isPositive();
        assertThat(tipStats.get("comments").asLong()).isPositive();

        JsonNode hidden = fixtures.editor().postJson("/api/v1/content/comments/" + ratingId + "/hide", "").json();
        assertThat(hidden.get("hidden").asBoolean()).isTrue();
        JsonNode flagged = fixtures.editor().postJson("/api/v1/content/comments/" + ratingId + "/flag", "").json();
        assertThat(flagged.get("flagged").asBoolean()).isTrue();
        JsonNode comments = fixtures.editor().get("/api/v1/content/comments").json();
        assertThat(find(comments, "id", ratingId).get("comment").asString()).isEqualTo("Très clair");
        assertThat(find(fixtures.editor().get("/api/v1/content/stats").json(), "itemId", tipId)
                .get("hiddenComments").asLong()).isPositive();
        assertThat(fixtures.editor().postJson("/api/v1/content/comments/" + ratingId + "/burn", "").status())
                .isEqualTo(400);
        assertThat(as(alice, "demo").get("/api/v1/content/comments").status()).isEqualTo(403);
    }

    private static JsonNode find(JsonNode array, String field, long value) {
        for (JsonNode node : array) {
            if (node.get(field) != null && !node.get(field).isNull() && node.get(field).asLong() == value) {
                return node;
            }
        }
        throw new AssertionError("no element with " + field + " = " + value + " in " + array);
    }
}
