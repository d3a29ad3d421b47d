package org.footprintledger.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The editors' pages over HTTP with the login form: content written from the page with its errors beside the fields
 * in the page's language, four eyes from the page, and the improvement loop (survey results per quarter, trends, items
 * to review) with its CSV downloads, numbers as people read them and items by their names.
 */
class EditorPagesTest extends PortalIntegrationTest {

    /** The space the French percent format puts before "%". */
    private static final String NBSP = "\u00a0";
    private final ContentFixtures fixtures = new ContentFixtures(this);

    private static String key(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private Browser editor(String account) {
        Browser browser = new Browser(port);
        browser.logIn(account, account);
        return browser;
    }

    private static Map<String, String> tipForm(String key, String textFr, String textEn) {
        Map<String, String> form = new HashMap<>();
        form.put("key", key);
        form.put("textFr", textFr);
        form.put("textEn", textEn);
        form.put("lineType", "MOBILE");
        form.put("technologies", "");
        form.put("minMonthlyGo", "");
        form.put("savingBasis", "VOLUME_SHARE");
        form.put("volumeShare", "0,2");
        return form;
    }

    @Test
    void a_tip_written_on_the_page_is_saved_as_a_draft_in_french_and_english() {
        Browser editor = editor("editor");
        String key = key("page");
        editor.open("/editeur/conseils/nouveau");

        HttpResponse<String> saved = editor.submit("/editeur/conseils",
                tipForm(key, "Coupez les **données mobiles** la nuit.", "Switch mobile data off at night."));

        assertThat(saved.uri().getPath()).matches("/editeur/conseils/\\d+");
        assertThat(saved.body()).contains("Version 1 enregistrée en brouillon.", "<strong>données mobiles</strong>");
        long itemId = Long.parseLong(saved.uri().getPath().replaceAll("\\D", ""));
        var stored = fixtures.editor().get("/api/v1/content/tips/" + itemId + "/versions").json().get(0);
        assertThat(stored.get("status").asString()).isEqualTo("DRAFT");
        assertThat(stored.get("content").get("textEn").asString()).isEqualTo("Switch mobile data off at night.");
        assertThat(stored.get("content").get("volumeShare").asString()).isEqualTo("0.2");
        assertThat(editor.open("/editeur")).contains("Coupez les données mobiles la nuit.", "brouillon");
    }

    @Test
    void a_refused_form_comes_back_with_each_error_beside_its_field_in_the_pages_language() {
        Browser editor = editor("editor");
        editor.open("/editeur/conseils/nouveau");

        String french = editor.submit("/editeur/conseils", tipForm("Pas Une Clé", "", "")).body();
        assertThat(french).contains("Non enregistré : corrigez les champs signalés.",
                "id=\"key-error\">De 1 à 64 caractères", "aria-invalid=\"true\"");

        Map<String, String> html = tipForm(key("html"), "<script>alert(1)</script>", "");
        html.put("volumeShare", "beaucoup");
        String english = editor.submit("/editeur/conseils?lang=en", html).body();
        assertThat(english).contains("id=\"volumeShare-error\">A number is expected, for example 0.2.");
        html.put("volumeShare", "0.2");
        english = editor.submit("/editeur/conseils?lang=en", html).body();
        assertThat(english).contains("id=\"textFr-error\">HTML is not allowed",
                "&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
    }

    @Test
    void from_the_page_the_submitter_cannot_publish_and_another_editor_can_then_retire() {
        long itemId = fixtures.editor().postJson("/api/v1/content/tips",
                ContentFixtures.tip(key("eyes"), "Relu par un autre", "MOBILE", null)).json().get("itemId").asLong();
        Browser editor = editor("editor");
        editor.open("/editeur");
        String submitted = editor.submit(transition(itemId, "submit"), Map.of()).body();
        assertThat(submitted).contains("Version 1 soumise à la relecture.", "soumis par editor");

        String refused = editor.submit(transition(itemId, "publish"), Map.of()).body();
        assertThat(refused).contains("Publication refusée : vous avez soumis cette version.");
        assertThat(status(itemId)).isEqualTo("IN_REVIEW");

        Browser reviewer = editor("editor2");
        reviewer.open("/editeur?lang=en");
        assertThat(reviewer.submit(transition(itemId, "publish"), Map.of()).body())
                .contains("Version 1 published: customers see it.");
        assertThat(status(itemId)).isEqualTo("PUBLISHED");
        assertThat(reviewer.submit(transition(itemId, "retire"), Map.of()).body())
                .contains("Version 1 retired: customers no longer see it.");
        assertThat(status(itemId)).isEqualTo("RETIRED");
    }

    @Test
    void survey_results_show_per_question_the_answers_the_average_and_the_distribution_as_people_read_them() {
        fixtures.editor().postJson("/api/v1/content/surveys", Map.of("questionsFr",
                List.of("Cette page est-elle claire ?", "La recommanderiez-vous ?"), "questionsEn",
                List.of("Is this page clear?", "Would you recommend it?")));
        String[] subscribers = {ContentFixtures.newSubscriber("sa"), ContentFixtures.newSubscriber("sb"),
            ContentFixtures.newSubscriber("sc")};
        int[][] answers = {{4, 2}, {4, 3}, {5, 3}};
        for (int i = 0; i < 3; i++) {
            fixtures.usage(subscribers[i], 1_000_000_000L, 0);
            var offer = as(subscribers[i], "demo").get("/api/v1/feedback/subscribers/" + subscribers[i] + "/survey")
                    .json();
            assertThat(as(subscribers[i], "demo").postJson("/api/v1/feedback/subscribers/" + subscribers[i]
                    + "/survey", Map.of("surveyVersion", offer.get("survey").get("version").asInt(), "ratings",
                    List.of(answers[i][0], answers[i][1]))).status()).isEqualTo(201);
        }
        assertThat(as(subscribers[0], "demo").postJson("/api/v1/feedback/subscribers/" + subscribers[0]
                + "/ratings", Map.of("target", "PAGE", "useful", false, "comment", "=HYPERLINK(\"http://x\")"))
                .status()).isEqualTo(201);

        Browser editor = editor("editor");
        String french = editor.open("/editeur/amelioration");
        assertThat(french).contains("Cette page est-elle claire ?", "4,3", "66,7" + NBSP + "% (2)",
                "33,3" + NBSP + "% (1)", "=HYPERLINK").doesNotContain("0.666667", "0,666667");
        String english = editor.open("/editeur/amelioration?lang=en");
        assertThat(english).contains("Is this page clear?", "4.3", "66.7% (2)", "2.7");

        String csv = editor.open("/editeur/amelioration/enquete.csv?lang=fr");
        assertThat(csv).startsWith("\uFEFFquarter,survey_version,question,text,answers,average,");
        assertThat(csv).containsPattern("\\d{4}-Q\\d,\\d+,1,Cette page est-elle claire \\?,3,4\\.333333,0,0,0,2,1,"
                + "0\\.000000,0\\.000000,0\\.000000,0\\.666667,0\\.333333\r\n");
        var results = fixtures.editor().get("/api/v1/content/surveys/results").json();
        var first = results.get("questions").get(results.get("questions").size() - 2);
        assertThat(first.get("textFr").asString()).isEqualTo("Cette page est-elle claire ?");
        assertThat(first.get("answers").asLong()).isEqualTo(3);
        assertThat(first.get("average").asString()).isEqualTo("4.333333");
        assertThat(fixtures.editor().get("/api/v1/content/surveys/results?quarter=2026-T9").json().get("field")
                .asString()).isEqualTo("quarter");
        assertThat(as(subscribers[0], "demo").get("/api/v1/content/surveys/results").status()).isEqualTo(403);

        String comments = editor.open("/editeur/amelioration/commentaires.csv");
        assertThat(comments).contains(",la page,page,false,\"'=HYPERLINK(\"\"http://x\"\")\"")
                .doesNotContain(",=HYPERLINK");
    }

    @Test
    void a_tip_customers_find_useless_is_flagged_for_review_under_its_name() {
        String text = "Un conseil que personne n'aime " + UUID.randomUUID().toString().substring(0, 6);
        long itemId = fixtures.editor().postJson("/api/v1/content/tips",
                ContentFixtures.tip(key("bad"), text, "MOBILE", null)).json().get("itemId").asLong();
        fixtures.publish(itemId, 1);
        for (int i = 0; i < 5; i++) {
            String subscriber = ContentFixtures.newSubscriber("rv");
            fixtures.usage(subscriber, 1_000_000_000L, 0);
            assertThat(as(subscriber, "demo").postJson("/api/v1/feedback/subscribers/" + subscriber + "/ratings",
                    Map.of("target", "TIP", "itemId", itemId, "useful", false)).status()).isEqualTo(201);
        }

        Browser editor = editor("editor");
        String page = editor.open("/editeur/amelioration");
        int row = page.indexOf(text.replace("'", "&#39;"));
        assertThat(row).as("the tip is named by its text").isPositive();
        assertThat(page.substring(row, page.indexOf("</tr>", row))).contains("14,3" + NBSP + "%", "à revoir");
        assertThat(page).doesNotContain("conseil " + itemId);

        String csv = editor.open("/editeur/amelioration/a-revoir.csv");
        assertThat(csv).containsPattern(text + ",bad-[0-9a-f]{8},TIP,0,5,0\\.142857,true");
        boolean flaggedInApi = false;
        for (var review : fixtures.editor().get("/api/v1/content/review").json()) {
            if (review.get("itemId").asLong() == itemId) {
                flaggedInApi = review.get("flagged").asBoolean() && review.get("no").asLong() == 5;
            }
        }
        assertThat(flaggedInApi).as("flagged in /api/v1/content/review").isTrue();
        String trends = editor.open("/editeur/amelioration/tendances.csv");
        assertThat(trends).contains(ContentFixtures.LAST_MONTH.plusMonths(1) + "," + text);
    }

    @Test
    void csv_of_an_unknown_part_or_a_bad_quarter_is_a_400_saying_what_is_wrong() {
        Browser editor = editor("editor");
        assertThat(editor.open("/editeur/amelioration/tout.csv")).contains("part: enquete, commentaires");
        assertThat(editor.open("/editeur/amelioration?trimestre=2026-T9")).contains("a quarter such as 2026-Q4");
    }

    private String status(long itemId) {
        return fixtures.editor().get("/api/v1/content/tips/" + itemId + "/versions").json().get(0).get("status")
                .asString();
    }

    private static String transition(long itemId, String action) {
        return "/editeur/contenus/" + itemId + "/versions/1/" + action;
    }
}
