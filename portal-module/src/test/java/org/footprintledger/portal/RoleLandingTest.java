package org.footprintledger.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Every role lands on a page of its own after the login form, and a page it may not open says what it can do and
 * where its page is, in the product's design, never a bare refusal.
 */
class RoleLandingTest extends PortalIntegrationTest {

    @Test
    void an_auditor_lands_on_the_auditors_page_with_the_factor_sets_and_the_audit_tools() {
        String page = new Browser(port).logIn("auditor", "auditor");

        assertThat(page).contains("<h1>Espace des auditeurs</h1>", "ADEME 2022 (ADEME-2022)", "en vigueur",
                "à partir du 1 janvier 2022", "href=\"/audit/simulations\"", "href=\"/audit/restatements\"",
                "href=\"/audit/integrity\"", "href=\"/audit/evidence\"");
    }

    @Test
    void an_editor_lands_on_the_editors_page() {
        assertThat(new Browser(port).logIn("editor", "editor")).contains("name=\"subscriberId\"", "/editeur");
    }

    @Test
    void an_ops_account_lands_on_the_ops_page_with_its_tools() {
        String page = new Browser(port).logIn("ops", "ops");

        assertThat(page).contains("<h1>Espace d&#39;exploitation</h1>", "/actuator/prometheus",
                "/api/v1/ops/parked-ledgers", "/close", "/api/v1/usage/imports");
    }

    @Test
    void a_feed_account_lands_on_a_page_saying_it_sends_usage_over_the_api() {
        String page = new Browser(port).logIn("feed", "feed");

        assertThat(page).contains("Compte de flux de consommation", "POST /api/v1/usage/records", "docs/api.md");
    }

    @Test
    void a_subscriber_lands_in_its_customer_area() {
        String subscriber = ContentFixtures.newSubscriber("land");
        new ContentFixtures(this).usage(subscriber, 1_000_000_000L, 0);

        assertThat(new Browser(port).logIn(subscriber, "demo")).contains("Votre consommation de données");
    }

    @Test
    void a_page_of_another_role_is_a_branded_refusal_saying_what_the_account_can_do() {
        Browser feed = new Browser(port);
        feed.logIn("feed", "feed");

        String refused = feed.open("/editeur");

        assertThat(refused).contains("Accès refusé", "Avec votre compte (flux), vous pouvez : envoyer la consommation",
                "href=\"/feed\"", "espace-client.css").doesNotContain("Whitelabel");
        assertThat(feed.open("/audit?lang=en")).contains("Access denied", "With your account (feed) you can: send usage");
    }

    @Test
    void staff_pages_are_refused_to_other_roles() {
        Browser auditor = new Browser(port);
        auditor.logIn("auditor", "auditor");
        assertThat(auditor.open("/ops")).contains("Accès refusé", "href=\"/audit\"");
        assertThat(auditor.open("/feed")).contains("Accès refusé");
        Browser ops = new Browser(port);
        ops.logIn("ops", "ops");
        assertThat(ops.open("/audit")).contains("Accès refusé", "href=\"/ops\"");
    }
}
