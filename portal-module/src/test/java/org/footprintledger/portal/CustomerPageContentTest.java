package org.footprintledger.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The customer page shows equivalences and ranked tips under the statement lines, and takes feedback by form. */
class CustomerPageContentTest extends PortalIntegrationTest {

    private final ContentFixtures fixtures = new ContentFixtures(this);

    @Test
    void a_heavy_mobile_user_with_a_box_sees_equivalences_wifi_at_home_and_the_box_tip_with_its_caveat() {
        String subscriber = ContentFixtures.newSubscriber("cp");
        fixtures.usage(subscriber, 25_000_000_000L, 200_000_000_000L);
        Browser browser = new Browser(port);

        String page = browser.logIn(subscriber, "demo");

        assertThat(page).contains("1\u202f235 g éqCO2", "4\u202f100 g éqCO2", "Cela représente environ", "≈ ");
        assertThat(page).contains("<strong>Chez vous, passez en Wi-Fi.</strong>");
        // half of 25 Go at 49.4 g/Go under the method: 617.5 g, shown rounded half-up
        assertThat(page).contains("Économie estimée : 618 g éqCO2 par mois", "l&#39;énergie du réseau dépend peu du trafic");
        // the box tip saves 0 g under the regulated method's flat figure: not shown
        assertThat(page).doesNotContain("Éteignez votre box").doesNotContain("Économie estimée : 0 g");
        assertThat(page).contains("Cette page vous a-t-elle été utile ?", "Petite enquête");

        String english = browser.open("/espace-client?lang=en");
        assertThat(english).contains("Was this page useful?", "<strong>At home, switch to Wi-Fi.</strong>",
                "Estimated saving: 618 g CO2e per month");
    }

    @Test
    void the_useful_buttons_and_the_survey_are_forms_of_the_page() {
        String subscriber = ContentFixtures.newSubscriber("cf");
        fixtures.usage(subscriber, 3_000_000_000L, 0);
        Browser browser = new Browser(port);
        String page = browser.logIn(subscriber, "demo");
        Matcher tip = Pattern.compile("name=\"itemId\" value=\"(\\d+)\"").matcher(page);
        assertThat(tip.find()).isTrue();

        Matcher anchor = Pattern.compile("name=\"ancre\" value=\"([^\"]+)\"").matcher(page);
        assertThat(anchor.find()).isTrue();
        assertThat(page).contains("id=\"" + anchor.group(1) + "\"");

        HttpResponse<String> rated = browser.submit("/espace-client/avis", Map.of("target", "TIP", "itemId",
                tip.group(1), "useful", "true", "comment", "Bien vu", "ancre", anchor.group(1)));
        assertThat(rated.body()).contains("Merci pour votre réponse.");
        assertThat(redirectedTo(rated)).as("back to the tips of the line rated").endsWith("#" + anchor.group(1));
        HttpResponse<String> forged = browser.submit("/espace-client/avis", Map.of("target", "TIP", "itemId",
                tip.group(1), "useful", "false", "ancre", "x\"><script>"));
        assertThat(redirectedTo(forged)).as("an anchor the page did not give").endsWith("#contenu");
        String tooLong = browser.submit("/espace-client/avis", Map.of("target", "PAGE", "useful", "false",
                "comment", "x".repeat(501))).body();
        assertThat(tooLong).contains("Réponse non enregistrée", "500");

        Matcher version = Pattern.compile("name=\"surveyVersion\" value=\"(\\d+)\"").matcher(tooLong);
        assertThat(version.find()).isTrue();
        String afterSurvey = browser.submit("/espace-client/enquete", Map.of("surveyVersion", version.group(1),
                "q1", "5", "q2", "4", "q3", "3")).body();
        assertThat(afterSurvey).contains("Merci d&#39;avoir répondu à l&#39;enquête.").doesNotContain("Petite enquête");

        ApiClient.Response comments = fixtures.editor().get("/api/v1/content/comments");
        assertThat(comments.body()).contains("Bien vu").doesNotContain("x".repeat(501));
    }

    @Test
    void views_ratings_feedback_and_publications_are_exported_as_metrics() {
        String subscriber = ContentFixtures.newSubscriber("cm");
        fixtures.usage(subscriber, 3_000_000_000L, 0);
        new Browser(port).logIn(subscriber, "demo");
        as(subscriber, "demo").postJson("/api/v1/feedback/subscribers/" + subscriber + "/ratings",
                Map.of("target", "PAGE", "useful", true, "comment", "ok"));

        String metrics = as("ops", "ops").get("/actuator/prometheus").body();

        assertThat(metrics).containsPattern("content_views_total\\{[^}]*kind=\"EQUIVALENCE\"[^}]*} [1-9]");
        assertThat(metrics).containsPattern("content_views_total\\{[^}]*kind=\"PAGE\"[^}]*} [1-9]");
        assertThat(metrics).containsPattern("content_ratings_total\\{[^}]*target=\"PAGE\"[^}]*useful=\"yes\"");
        assertThat(metrics).containsPattern("content_feedback_total\\{[^}]*kind=\"comment\"[^}]*} [1-9]");
        assertThat(metrics).containsPattern("content_versions_published_total\\{[^}]*kind=\"TIP\"");
        assertThat(metrics).containsPattern("content_equivalence_bindings_total\\{[^}]*} [1-9]");
    }

    private static String redirectedTo(HttpResponse<String> followed) {
        return followed.previousResponse().orElseThrow().headers().firstValue("Location").orElseThrow();
    }
}
