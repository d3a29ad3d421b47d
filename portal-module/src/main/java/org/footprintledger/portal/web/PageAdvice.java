package org.footprintledger.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.footprintledger.content.api.Lang;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What every page template uses: the display format of the visitor's language ({@code fmt}), the content language
 * ({@code contentLang}) and the addresses of this page in the other languages ({@code inFrench}, {@code inEnglish}).
 */
@ControllerAdvice(annotations = Controller.class)
class PageAdvice {

    private final DisplayFormat french;
    private final DisplayFormat english;

    PageAdvice(MessageSource messages) {
        this.french = new DisplayFormat(Locale.FRENCH, messages);
        this.english = new DisplayFormat(Locale.ENGLISH, messages);
    }

    @ModelAttribute("fmt")
    DisplayFormat format(Locale locale) {
        return "en".equals(locale.getLanguage()) ? english : french;
    }

    @ModelAttribute("contentLang")
    Lang contentLang(Locale locale) {
        return Lang.parse(locale.getLanguage());
    }

    @ModelAttribute("signedIn")
    boolean signedIn(HttpServletRequest request) {
        return request.getUserPrincipal() != null;
    }

    @ModelAttribute("inFrench")
    String inFrench(HttpServletRequest request) {
        return inLanguage(request, "fr");
    }

    @ModelAttribute("inEnglish")
    String inEnglish(HttpServletRequest request) {
        return inLanguage(request, "en");
    }

    private static String inLanguage(HttpServletRequest request, String lang) {
        return UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString())
                .replaceQueryParam("lang", lang).build().toUriString();
    }
}
