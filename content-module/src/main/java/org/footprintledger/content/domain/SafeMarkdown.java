package org.footprintledger.content.domain;

import java.util.regex.Pattern;
import org.footprintledger.content.api.ContentInputException;

/**
 * The Markdown subset of editorial texts: **bold**, *italic*, [links](https://…) and line breaks. Raw HTML tags and
 * links other than https are refused on input; rendering escapes the whole text first and only then turns the subset
 * into the few tags it allows, so even a stored text that bypassed validation renders harmless.
 */
public final class SafeMarkdown {

    public static final int MAX_LENGTH = 2000;
    private static final Pattern HTML_TAG = Pattern.compile("<\\s*[/!?A-Za-z]");
    private static final Pattern ANY_LINK = Pattern.compile("\\]\\(\\s*([^)\\s]*)");
    private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*");
    private static final Pattern ITALIC = Pattern.compile("\\*(.+?)\\*");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]\\n]+)\\]\\((https://[^\\s)]+)\\)");

    private SafeMarkdown() {
    }

    /** Refuses, naming the field, a text with a raw HTML tag, a link that is not https, or over 2 000 characters. */
    public static void validate(String field, String text) {
        if (text.length() > MAX_LENGTH) {
            throw new ContentInputException(field, "at most " + MAX_LENGTH + " characters, got " + text.length());
        }
        if (HTML_TAG.matcher(text).find()) {
            throw new ContentInputException(field, "raw HTML is not allowed; use **bold**, *italic*, [text](https://…)");
        }
        var links = ANY_LINK.matcher(text);
        while (links.find()) {
            if (!links.group(1).startsWith("https://")) {
                throw new ContentInputException(field, "links must start with https://, got \"" + links.group(1) + "\"");
            }
        }
    }

    public static String render(String text) {
        if (text == null) {
            return null;
        }
        String html = escape(text);
        html = BOLD.matcher(html).replaceAll("<strong>$1</strong>");
        html = ITALIC.matcher(html).replaceAll("<em>$1</em>");
        html = LINK.matcher(html).replaceAll("<a href=\"$2\" rel=\"nofollow noopener\">$1</a>");
        return html.replaceAll("\r?\n", "<br>");
    }

    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '$' -> out.append("&#36;");
                case '\\' -> out.append("&#92;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
