package org.footprintledger.portal.config;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The pages' language: French by default, English when the browser prefers it ({@code Accept-Language}) or when the
 * visitor chose it with {@code ?lang=en}; a choice is kept a year in the {@code lang} cookie.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {

    static final List<Locale> SUPPORTED = List.of(Locale.FRENCH, Locale.ENGLISH);

    /**
     * The pages' texts (messages.properties, French, and messages_en.properties). Each request thread keeps its own
     * parsed messages: Spring formats a shared {@code MessageFormat} under a lock, and a page formats dozens of them.
     */
    @Bean
    MessageSource messageSource() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource() {
            private final ThreadLocal<Map<String, MessageFormat>> formats = ThreadLocal.withInitial(HashMap::new);

            @Override
            protected MessageFormat resolveCode(String code, Locale locale) {
                Map<String, MessageFormat> own = formats.get();
                String key = locale.toLanguageTag() + "/" + code;
                MessageFormat format = own.get(key);
                if (format == null) {
                    format = super.resolveCode(code, locale);
                    format = format == null ? null : (MessageFormat) format.clone();
                    own.put(key, format);
                }
                return format;
            }
        };
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("lang") {
            @Override
            public void setLocaleContext(HttpServletRequest request, HttpServletResponse response,
                                         LocaleContext context) {
                Locale chosen = context == null ? null : context.getLocale();
                super.setLocaleContext(request, response, chosen == null ? null
                        : new SimpleLocaleContext(supported(chosen)));
            }
        };
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieSameSite("Lax");
        resolver.setDefaultLocaleFunction(request -> {
            if (request.getHeader("Accept-Language") == null) {
                // without the header the servlet container answers with the server's own locale: not the visitor's
                return Locale.FRENCH;
            }
            for (Locale preferred : Collections.list(request.getLocales())) {
                if (SUPPORTED.contains(Locale.forLanguageTag(preferred.getLanguage()))) {
                    return supported(preferred);
                }
            }
            return Locale.FRENCH;
        });
        return resolver;
    }

    /** English for any English, French for anything else. */
    static Locale supported(Locale locale) {
        return "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.FRENCH;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change).excludePathPatterns("/api/**", "/actuator/**");
    }
}
