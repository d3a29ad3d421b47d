package org.footprintledger.portal.web.editor;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.footprintledger.content.api.ContentInputException;
import org.springframework.context.MessageSource;

/**
 * The errors of one editor form, each beside its field and in the page's language: a value the page could not read
 * (a number, a choice), or a reason the content module refused (its English reason read into a message key).
 */
final class FieldErrors {

    private static final Pattern AT_MOST = Pattern.compile("at most (\\d+) characters");
    private final Map<String, String> byField = new LinkedHashMap<>();
    private final MessageSource messages;
    private final Locale locale;

    FieldErrors(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    void reject(String field, String key, Object... args) {
        byField.putIfAbsent(field, messages.getMessage(key, args, locale));
    }

    /** The content module's refusal, beside the field it names. */
    void reject(ContentInputException refused) {
        String reason = refused.getMessage().substring(refused.field().length() + 2);
        Matcher atMost = AT_MOST.matcher(reason);
        if (atMost.find()) {
            reject(refused.field(), "editor.error.tooLong", atMost.group(1));
        } else if (reason.startsWith("required")) {
            reject(refused.field(), "editor.error.required");
        } else if (reason.startsWith("raw HTML")) {
            reject(refused.field(), "editor.error.html");
        } else if (reason.startsWith("links must")) {
            reject(refused.field(), "editor.error.link");
        } else if (refused.field().equals("key")) {
            reject(refused.field(), "editor.error.key");
        } else if (reason.startsWith("a positive number")) {
            reject(refused.field(), "editor.error.positive");
        } else if (reason.startsWith("English needs both")) {
            reject(refused.field(), "editor.error.englishPair");
        } else if (refused.field().equals("technologies")) {
            reject(refused.field(), "editor.error.technologies");
        } else if (refused.field().equals("volumeShare")) {
            reject(refused.field(), "editor.error.share");
        } else {
            reject(refused.field(), "editor.error.invalid");
        }
    }

    boolean any() {
        return !byField.isEmpty();
    }

    Map<String, String> asMap() {
        return byField;
    }
}
