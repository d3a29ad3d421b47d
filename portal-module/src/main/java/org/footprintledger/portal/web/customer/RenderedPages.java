package org.footprintledger.portal.web.customer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * Rendered pages kept in memory, keyed by everything the template reads: the principal, the language and the whole
 * model (the page's view model compared by value, and the attributes every page gets: the display format, the
 * content language, the language links, a flash message). The template and the message bundles do not change while
 * the application runs, so a page rendered for a key is the page for that key: a correction, a restatement, a new
 * content version, a vote that reorders the tips, a new month or another language makes another model, hence another
 * key; nothing has to be invalidated (docs/adr/0004). The page's only per-request part, the CSRF token of its forms,
 * is rendered as a placeholder and replaced with the request's own token each time the page is served.
 * A page may also be kept by revision ({@link #writeKept}): its key is then a cheap change marker of everything it
 * shows instead of its model, so the page kept is served again without its model being assembled (docs/adr/0010).
 * Bounded by weight ({@code footprint.customer-area.page-cache-mb}), entries not read for
 * {@code footprint.customer-area.page-cache-idle} dropped. Metrics: {@code cache.*{cache="customer_area_pages"}}.
 */
@Component
class RenderedPages {

    private static final Logger log = LoggerFactory.getLogger(RenderedPages.class);
    /** Not guessable and never a token: a new one at each start. */
    private static final String TOKEN_PLACEHOLDER = "csrf-placeholder-" + UUID.randomUUID();
    /** A rough weight of the key (the view model) beside the page's characters. */
    private static final int KEY_WEIGHT = 8_192;

    private final ThymeleafViewResolver views;
    private final Cache<Object, Kept> pages;

    RenderedPages(ThymeleafViewResolver thymeleafViewResolver, MeterRegistry registry,
                  @Value("${footprint.customer-area.page-cache-mb:256}") long megabytes,
                  @Value("${footprint.customer-area.page-cache-idle:PT30M}") Duration idle) {
        this.views = thymeleafViewResolver;
        this.pages = Caffeine.newBuilder()
                .maximumWeight(megabytes << 20)
                .<Object, Kept>weigher((key, kept) -> KEY_WEIGHT + kept.html().bytes())
                .expireAfterAccess(idle)
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(registry, pages, "customer_area_pages");
    }

    /** What a page's HTML depends on; {@code principal} is also in the view model, stated here so no key can leak. */
    record Key(String principal, String view, String language, Map<String, Object> model) {
    }

    /**
     * What a page kept by revision depends on: the viewer, the view, its address (the month asked for and the
     * language links are read from it), the language, and the revision of everything it shows.
     */
    record RevisionKey(String principal, String view, String address, String language, Object revision) {
    }

    /** A page's HTML and, when kept by revision, the model it was rendered from. */
    private record Kept(Html html, Map<String, Object> model) {
    }

    /**
     * A page in UTF-8, cut where the CSRF token goes: {@code parts[0]}, token, {@code parts[1]}, token, …
     * {@code parts[n]}.
     */
    record Html(byte[][] parts) {

        static Html of(String html) {
            String[] cut = html.split(java.util.regex.Pattern.quote(TOKEN_PLACEHOLDER), -1);
            byte[][] parts = new byte[cut.length][];
            for (int i = 0; i < cut.length; i++) {
                parts[i] = cut[i].getBytes(StandardCharsets.UTF_8);
            }
            return new Html(parts);
        }

        int bytes() {
            int bytes = 0;
            for (byte[] part : parts) {
                bytes += part.length;
            }
            return bytes;
        }

        void writeTo(HttpServletResponse response, String token) throws IOException {
            byte[] tokenBytes = token == null ? new byte[0] : token.getBytes(StandardCharsets.UTF_8);
            response.setContentType("text/html;charset=UTF-8");
            response.setContentLength(bytes() + (parts.length - 1) * tokenBytes.length);
            OutputStream out = response.getOutputStream();
            for (int i = 0; i < parts.length; i++) {
                if (i > 0) {
                    out.write(tokenBytes);
                }
                out.write(parts[i]);
            }
        }
    }

    /**
     * Writes the HTML of {@code view} for the model, rendered once per key, with the request's CSRF token in its
     * forms. Only for models whose values compare by value (records, strings, enums, shared singletons).
     */
    void write(String principal, String view, Map<String, Object> model, Locale locale, HttpServletRequest request,
               HttpServletResponse response) throws IOException {
        Key key = new Key(principal, view, locale.getLanguage(), modelOf(model));
        Kept kept = pages.get(key, k -> new Kept(Html.of(renderWithPlaceholder(view, model, locale, request,
                response)), null));
        writeTo(response, kept.html(), request);
    }

    /**
     * Writes the HTML of {@code view} kept for {@code revision}: the model is assembled and the page rendered only
     * when no page is kept for it (or when the request carries a flash message, which is shown once). When the page
     * kept is served again, {@code servedAgain} gets the model it was rendered from (to count what the page shows).
     * The revision must change whenever anything the model holds may have changed.
     */
    void writeKept(String principal, String view, Object revision, Supplier<Map<String, Object>> model,
                   Consumer<Map<String, Object>> servedAgain, Locale locale, HttpServletRequest request,
                   HttpServletResponse response) throws IOException {
        Map<String, ?> flash = RequestContextUtils.getInputFlashMap(request);
        if (flash != null && !flash.isEmpty()) {
            write(principal, view, model.get(), locale, request, response);
            return;
        }
        String address = request.getQueryString() == null ? request.getRequestURI()
                : request.getRequestURI() + "?" + request.getQueryString();
        RevisionKey key = new RevisionKey(principal, view, address, locale.getLanguage(), revision);
        boolean[] assembled = {false};
        Kept kept = pages.get(key, k -> {
            assembled[0] = true;
            Map<String, Object> values = model.get();
            return new Kept(Html.of(renderWithPlaceholder(view, values, locale, request, response)), values);
        });
        if (!assembled[0]) {
            servedAgain.accept(kept.model());
        }
        writeTo(response, kept.html(), request);
    }

    private static void writeTo(HttpServletResponse response, Html html, HttpServletRequest request)
            throws IOException {
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        html.writeTo(response, token == null ? null : token.getToken());
    }

    private static Map<String, Object> modelOf(Map<String, Object> model) {
        Map<String, Object> values = new LinkedHashMap<>();
        model.forEach((name, value) -> {
            if (!name.startsWith(BindingResult.MODEL_KEY_PREFIX)) {
                values.put(name, value);
            }
        });
        return Map.copyOf(values);
    }

    private String renderWithPlaceholder(String name, Map<String, Object> model, Locale locale,
                                         HttpServletRequest request, HttpServletResponse response) {
        long started = System.nanoTime();
        try {
            View view = views.resolveViewName(name, locale);
            if (view == null) {
                throw new IllegalStateException("no view " + name);
            }
            Rendering into = new Rendering(response);
            view.render(new LinkedHashMap<>(model), new WithPlaceholderToken(request), into);
            String html = into.html();
            log.debug("rendered {} for the cache in {} ms ({} characters)", name,
                    (System.nanoTime() - started) / 1_000_000, html.length());
            return html;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("rendering " + name + " failed", e);
        }
    }

    /** The request as the template sees it, with a placeholder for the CSRF token of the forms. */
    private static final class WithPlaceholderToken extends HttpServletRequestWrapper {

        private final CsrfToken placeholder;

        WithPlaceholderToken(HttpServletRequest request) {
            super(request);
            CsrfToken real = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
            this.placeholder = real == null ? null
                    : new DefaultCsrfToken(real.getHeaderName(), real.getParameterName(), TOKEN_PLACEHOLDER);
        }

        @Override
        public Object getAttribute(String name) {
            if (placeholder != null && (name.equals(CsrfToken.class.getName())
                    || name.equals(placeholder.getParameterName()))) {
                return placeholder;
            }
            return super.getAttribute(name);
        }
    }

    /** The response the view writes into: a string; addresses are never rewritten with a session id. */
    private static final class Rendering extends HttpServletResponseWrapper {

        private final StringWriter text = new StringWriter(65_536);
        private final PrintWriter writer = new PrintWriter(text);

        Rendering(HttpServletResponse response) {
            super(response);
        }

        @Override
        public PrintWriter getWriter() {
            return writer;
        }

        @Override
        public jakarta.servlet.ServletOutputStream getOutputStream() {
            throw new UnsupportedOperationException("a page is rendered as text");
        }

        @Override
        public String encodeURL(String url) {
            return url;
        }

        @Override
        public String encodeRedirectURL(String url) {
            return url;
        }

        @Override
        public void flushBuffer() {
            writer.flush();
        }

        String html() {
            writer.flush();
            return text.toString();
        }
    }
}
