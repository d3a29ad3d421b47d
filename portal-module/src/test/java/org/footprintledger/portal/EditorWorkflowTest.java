package org.footprintledger.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Editors write versions and move them through review; nobody else may; bad input and bad moves are refused. */
class EditorWorkflowTest extends PortalIntegrationTest {

    private final ContentFixtures fixtures = new ContentFixtures(this);

    private static String key(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void a_tip_goes_from_draft_through_review_to_published_and_an_edit_is_a_new_draft_beside_it() {
        JsonNode created = fixtures.editor().postJson("/api/v1/content/tips",
                ContentFixtures.tip(key("wf"), "Un **conseil**", "MOBILE", null)).json();
        long itemId = created.get("itemId").asLong();
        assertThat(created.get("version").asInt()).isEqualTo(1);
        assertThat(created.get("status").asString()).isEqualTo("DRAFT");
        assertThat(created.get("createdBy").asString()).isEqualTo("editor");

        assertThat(fixtures.editor().postJson(ContentFixtures.transition(itemId, 1, "submit"), "").json()
                .get("status").asString()).isEqualTo("IN_REVIEW");
        assertThat(fixtures.editor().postJson(ContentFixtures.transition(itemId, 1, "reject"), "").json()
                .get("status").asString()).isEqualTo("DRAFT");
        assertThat(fixtures.publish(itemId, 1)).isEqualTo("PUBLISHED");

        JsonNode draft = fixtures.editor().postJson("/api/v1/content/tips/" + itemId + "/versions",
                ContentFixtures.tip("ignored", "Un conseil **revu**", "MOBILE", null)).json();
        assertThat(draft.get("version").asInt()).isEqualTo(2);
        assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
        JsonNode versions = fixtures.editor().get("/api/v1/content/tips/" + itemId + "/versions").json();
        assertThat(versions.get(0).get("status").asString()).as("still shown").isEqualTo("PUBLISHED");
        assertThat(versions.get(1).get("content").get("textFr").asString()).isEqualTo("Un conseil **revu**");

        assertThat(fixtures.publish(itemId, 2)).isEqualTo("PUBLISHED");
        versions = fixtures.editor().get("/api/v1/content/tips/" + itemId + "/versions").json();
        assertThat(versions.get(0).get("status").asString()).isEqualTo("RETIRED");
        assertThat(fixtures.editor().postJson(ContentFixtures.transition(itemId, 2, "retire"), "").json()
                .get("status").asString()).isEqualTo("RETIRED");
    }

    @Test
    void the_editor_who_submitted_a_version_cannot_publish_it_and_another_editor_can() {
        long itemId = fixtures.editor().postJson("/api/v1/content/tips",
                ContentFixtures.tip(key("eyes"), "Quatre yeux", "MOBILE", null)).json().get("itemId").asLong();
        fixtures.editor().postJson(ContentFixtures.transition(itemId, 1, "submit"), "");

        ApiClient.Response ownPublication = fixtures.editor().postJson(ContentFixtures.transition(itemId, 1,
                "publish"), "");
        assertThat(ownPublication.status()).isEqualTo(409);
        assertThat(ownPublication.json().get("message").asString())
                .isEqualTo("four eyes: editor submitted this version and may not publish it; another editor must "
                        + "review and publish it");
        assertThat(fixtures.editor().get("/api/v1/content/tips/" + itemId + "/versions").json().get(0)
                .get("status").asString()).as("still in review").isEqualTo("IN_REVIEW");

        ApiClient.Response byAnother = fixtures.reviewer().postJson(ContentFixtures.transition(itemId, 1, "publish"),
                "");
        assertThat(byAnother.status()).isEqualTo(200);
        assertThat(byAnother.json().get("status").asString()).isEqualTo("PUBLISHED");
    }

    @Test
    void a_version_sent_back_to_draft_and_resubmitted_by_the_other_editor_can_be_published_by_the_first() {
        long itemId = fixtures.editor().postJson("/api/v1/content/tips",
                ContentFixtures.tip(key("swap"), "Relu", "FIXED", null)).json().get("itemId").asLong();
        fixtures.editor().postJson(ContentFixtures.transition(itemId, 1, "submit"), "");
        fixtures.reviewer().postJson(ContentFixtures.transition(itemId, 1, "reject"), "");
        fixtures.reviewer().postJson(ContentFixtures.transition(itemId, 1, "submit"), "");

        assertThat(fixtures.reviewer().postJson(ContentFixtures.transition(itemId, 1, "publish"), "").status())
                .isEqualTo(409);
        assertThat(fixtures.editor().postJson(ContentFixtures.transition(itemId, 1, "publish"), "").status())
                .isEqualTo(200);
    }

    @Test
    void moves_the_workflow_does_not_allow_are_conflicts() {
        long itemId = fixtures.editor().postJson("/api/v1/content/tips",
                ContentFixtures.tip(key("bad"), "Texte", "FIXED", null)).json().get("itemId").asLong();

        ApiClient.Response publishDraft = fixtures.editor().postJson(ContentFixtures.transition(itemId, 1, "publish"),
                "");
        assertThat(publishDraft.status()).isEqualTo(409);
        assertThat(publishDraft.json().get("message").asString()).contains("PUBLISH", "DRAFT");
        assertThat(fixtures.editor().postJson(ContentFixtures.transition(itemId, 1, "retire"), "").status())
                .isEqualTo(409);
        assertThat(fixtures.editor().postJson(ContentFixtures.transition(itemId, 1, "explode"), "").status())
                .isEqualTo(400);
        assertThat(fixtures.editor().postJson(ContentFixtures.transition(itemId, 9, "submit"), "").status())
                .isEqualTo(404);

        fixtures.editor().postJson(ContentFixtures.transition(itemId, 1, "submit"), "");
        ApiClient.Response editInReview = fixtures.editor().postJson("/api/v1/content/tips/" + itemId + "/versions",
                ContentFixtures.tip("x", "Autre texte", "FIXED", null));
        assertThat(editInReview.status()).isEqualTo(409);
    }

    @Test
    void only_editors_manage_content() {
        String subscriber = ContentFixtures.newSubscriber("wf");
        fixtures.usage(subscriber, 1_000_000, 0);
        Map<String, Object> tip = ContentFixtures.tip(key("nope"), "Texte", "MOBILE", null);
        for (ApiClient other : new ApiClient[] {as(subscriber, "demo"), as("feed", "feed"), as("ops", "ops"),
                as("auditor", "auditor")}) {
            assertThat(other.postJson("/api/v1/content/tips", tip).status()).isEqualTo(403);
            assertThat(other.get("/api/v1/content/tips").status()).isEqualTo(403);
            assertThat(other.postJson(ContentFixtures.transition(1, 1, "retire"), "").status()).isEqualTo(403);
            assertThat(other.get("/api/v1/content/stats").status()).isEqualTo(403);
            assertThat(other.get("/api/v1/content/preview?subscriberId=" + subscriber).status()).isEqualTo(403);
        }
        assertThat(anonymous().get("/api/v1/content/tips").status()).isEqualTo(401);
        assertThat(fixtures.editor().get("/api/v1/content/tips").status()).isEqualTo(200);
    }

    @Test
    void bad_input_is_refused_naming_the_field() {
        assertField(ContentFixtures.tip(key("t"), "  ", "MOBILE", null), "textFr");
        assertField(ContentFixtures.tip(key("t"), "<script>alert(1)</script>", "MOBILE", null), "textFr");
        assertField(ContentFixtures.tip(key("t"), "Voir [ici](javascript:alert(1))", "MOBILE", null), "textFr");
        assertField(ContentFixtures.tip(key("t"), "<img src=x onerror=alert(1)>", "MOBILE", null), "textFr");
        assertField(ContentFixtures.tip(key("t"), "Texte", "SATELLITE", null), "lineType");
        assertField(ContentFixtures.tip(key("t"), "Texte", "MOBILE", -3), "minMonthlyGo");
        assertField(ContentFixtures.tip("Not A Key", "Texte", "MOBILE", null), "key");
        Map<String, Object> wrongTechnology = ContentFixtures.tip(key("t"), "Texte", "MOBILE", null);
        wrongTechnology.put("technologies", java.util.List.of("FTTH"));
        assertField(wrongTechnology, "technologies");

        ApiClient.Response negative = fixtures.editor().postJson("/api/v1/content/equivalences",
                ContentFixtures.equivalence(key("e"), "truc", "-1"));
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.json().get("field").asString()).isEqualTo("kgCo2ePerUnit");
        Map<String, Object> noFrench = ContentFixtures.equivalence(key("e"), "truc", "1");
        noFrench.remove("labelFrSingular");
        ApiClient.Response missing = fixtures.editor().postJson("/api/v1/content/equivalences", noFrench);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("field").asString()).isEqualTo("labelFrSingular");
    }

    private void assertField(Map<String, Object> tip, String field) {
        ApiClient.Response response = fixtures.editor().postJson("/api/v1/content/tips", tip);
        assertThat(response.status()).as(field + " " + tip).isEqualTo(400);
        assertThat(response.json().get("field").asString()).isEqualTo(field);
        assertThat(response.json().get("message").asString()).startsWith(field);
    }

    @Test
    void a_new_survey_version_keeps_the_earlier_versions_and_becomes_the_one_offered() {
        String subscriber = ContentFixtures.newSubscriber("sv");
        fixtures.usage(subscriber, 1_000_000, 0);
        int before = as(subscriber, "demo").get("/api/v1/feedback/subscribers/" + subscriber + "/survey").json()
                .get("survey").get("version").asInt();

        ApiClient.Response published = fixtures.editor().postJson("/api/v1/content/surveys", Map.of(
                "questionsFr", java.util.List.of("La page est-elle claire ?", "Les équivalences parlent-elles ?",
                        "Les conseils sont-ils applicables ?"),
                "questionsEn", java.util.List.of("Is the page clear?", "Do the equivalences speak to you?",
                        "Are the tips practical?")));

        assertThat(published.status()).isEqualTo(201);
        assertThat(published.json().get("version").asInt()).isEqualTo(before + 1);
        assertThat(as(subscriber, "demo").get("/api/v1/feedback/subscribers/" + subscriber + "/survey").json()
                .get("survey").get("version").asInt()).isEqualTo(before + 1);
        ApiClient.Response stale = as(subscriber, "demo").postJson("/api/v1/feedback/subscribers/" + subscriber
                + "/survey", Map.of("surveyVersion", before, "ratings", java.util.List.of(3, 3, 3)));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(fixtures.editor().postJson("/api/v1/content/surveys", Map.of("questionsFr",
                java.util.List.of("<script>x</script>"))).json().get("field").asString()).isEqualTo("questionsFr[0]");
    }

    @Test
    void the_preview_shows_a_draft_to_the_editor_that_customers_do_not_see() {
        String subscriber = ContentFixtures.newSubscriber("pv");
        fixtures.usage(subscriber, 2_000_000_000L, 0);
        String text = "Brouillon " + UUID.randomUUID();
        fixtures.editor().postJson("/api/v1/content/tips", ContentFixtures.tip(key("draft"), text, "MOBILE", null));

        ApiClient.Response preview = fixtures.editor().get("/api/v1/content/preview?subscriberId=" + subscriber);
        ApiClient.Response customer = as(subscriber, "demo")
                .get("/api/v1/content/subscribers/" + subscriber + "/statements/" + ContentFixtures.LAST_MONTH);

        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.json().get("month").asString()).isEqualTo(ContentFixtures.LAST_MONTH.toString());
        assertThat(preview.body()).contains(text);
        assertThat(customer.status()).isEqualTo(200);
        assertThat(customer.body()).doesNotContain(text).contains("autoplay-off");
    }
}
