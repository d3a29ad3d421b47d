package org.footprintledger.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Script in a comment, or in a tip text stored without the editor's validation (an old row, a direct database
 * fix), reaches the customer page and the editor page as harmless text.
 */
class StoredXssTest extends PortalIntegrationTest {

    private static final String SCRIPT = "<script>alert('xss')</script>";
    private static final String IMAGE = "<img src=x onerror=alert(1)>";
    private final ContentFixtures fixtures = new ContentFixtures(this);

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void script_in_a_comment_is_shown_as_text_to_editors() {
        String subscriber = ContentFixtures.newSubscriber("x1");
        fixtures.usage(subscriber, 1_000_000_000L, 0);
        as(subscriber, "demo").postJson("/api/v1/feedback/subscribers/" + subscriber + "/ratings",
                Map.of("target", "PAGE", "useful", false, "comment", SCRIPT + IMAGE + "[a](javascript:alert(1))"));

        String editorPage = new Browser(port).logIn("editor", "editor");

        assertThat(editorPage).contains("Contenus et avis des clients");
        assertThat(editorPage).doesNotContain(SCRIPT, IMAGE, "href=\"javascript");
        assertThat(editorPage).contains("&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;",
                "&lt;img src=x onerror=alert(1)&gt;");
    }

    @Test
    void script_in_a_stored_tip_is_shown_as_text_on_the_customer_page_and_the_editor_page() {
        String subscriber = ContentFixtures.newSubscriber("x2");
        fixtures.usage(subscriber, 1_000_000_000L, 7_000_000_000_000L);
        long itemId = storeTipBypassingValidation("**Gras** " + SCRIPT + " " + IMAGE
                + " [clic](javascript:alert(1)) [ok](https://example.org/\"onmouseover=alert(1))");
        try {
            String customerPage = new Browser(port).logIn(subscriber, "demo");
            Browser editor = new Browser(port);
            editor.logIn("editor", "editor");
            // the tip's own page renders its text as customers will read it
            String editorPage = editor.open("/editeur/conseils/" + itemId);

            for (String page : new String[] {customerPage, editorPage}) {
                assertThat(page).contains("<strong>Gras</strong> &lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;");
                assertThat(page).doesNotContain(SCRIPT, IMAGE, "href=\"javascript", "\"onmouseover");
                assertThat(page).contains("[clic](javascript:alert(1))");
            }
        } finally {
            jdbc.update("UPDATE content_version SET status = 'RETIRED' WHERE item_id = ?", itemId);
        }
    }

    /**
     * A published tip for fixed lines above 6 000 Go a month: only this test's subscriber gets it. It acts on the
     * devices (no figure under the method): a fixed line's flat-figure tip saves 0 g and is not shown.
     */
    private long storeTipBypassingValidation(String text) {
        Long itemId = jdbc.queryForObject("INSERT INTO content_item (kind, item_key) VALUES ('TIP', ?) "
                + "RETURNING item_id", Long.class, "xss-" + UUID.randomUUID().toString().substring(0, 8));
        jdbc.update("INSERT INTO content_version (item_id, version, status, created_by, status_changed_by) "
                + "VALUES (?, 1, 'PUBLISHED', 'db', 'db')", itemId);
        jdbc.update("INSERT INTO tip_version (item_id, version, text_fr, line_type, min_monthly_go, saving_basis) "
                + "VALUES (?, 1, ?, 'FIXED', 6000, 'OUTSIDE_METHOD')", itemId, text);
        return itemId;
    }
}
