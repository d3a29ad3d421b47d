package org.footprintledger.content.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.footprintledger.content.api.ContentInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeMarkdownTest {

    @Test
    void bold_italic_https_links_and_line_breaks_are_rendered() {
        assertThat(SafeMarkdown.render("**Wi-Fi** à la *maison*\nvoir [Arcep](https://www.arcep.fr/x)"))
                .isEqualTo("<strong>Wi-Fi</strong> à la <em>maison</em><br>voir "
                        + "<a href=\"https://www.arcep.fr/x\" rel=\"nofollow noopener\">Arcep</a>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<script>alert(1)</script>", "a <img src=x onerror=alert(1)>", "</p>", "<!-- x -->",
            "< script>"})
    void raw_html_is_refused_naming_the_field(String text) {
        assertThatThrownBy(() -> SafeMarkdown.validate("textFr", text))
                .isInstanceOf(ContentInputException.class)
                .hasMessageStartingWith("textFr: raw HTML");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[clic](javascript:alert(1))", "[clic](http://example.org)", "[x]( data:text/html,1)"})
    void links_other_than_https_are_refused(String text) {
        assertThatThrownBy(() -> SafeMarkdown.validate("textFr", text))
                .isInstanceOf(ContentInputException.class)
                .hasMessageContaining("https://");
    }

    @Test
    void comparisons_and_ampersands_are_text_not_tags() {
        SafeMarkdown.validate("textFr", "5 < 6 & 7 > 3");
        assertThat(SafeMarkdown.render("5 < 6 & 7 > 3")).isEqualTo("5 &lt; 6 &amp; 7 &gt; 3");
    }

    @Test
    void a_stored_text_that_bypassed_validation_still_renders_harmless() {
        String rendered = SafeMarkdown.render("<script>alert(1)</script><img src=x onerror=alert(1)>"
                + "[x](javascript:alert(1)) [y](https://a.b/\"onmouseover=alert(1))");

        assertThat(rendered).doesNotContain("<script", "<img", "href=\"javascript", "\"onmouseover");
        assertThat(rendered).contains("&lt;script&gt;", "&lt;img src=x onerror=alert(1)&gt;",
                "href=\"https://a.b/&quot;onmouseover=alert(1\"");
    }
}
