package org.footprintledger.portal.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a login attempt of a throttled account or address ({@link LoginThrottle}) before its password is checked:
 * the login form's POST goes back to the form with the wait in minutes ({@code /login?throttled=N}), an API call
 * with HTTP Basic credentials gets 429 with a JSON error and {@code Retry-After}.
 */
final class LoginThrottleFilter extends OncePerRequestFilter {

    private final LoginThrottle throttle;
    private final boolean form;

    private LoginThrottleFilter(LoginThrottle throttle, boolean form) {
        this.throttle = throttle;
        this.form = form;
    }

    static LoginThrottleFilter loginForm(LoginThrottle throttle) {
        return new LoginThrottleFilter(throttle, true);
    }

    static LoginThrottleFilter basicAuthentication(LoginThrottle throttle) {
        return new LoginThrottleFilter(throttle, false);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String account = form ? formAccount(request) : basicAccount(request);
        if (account != null) {
            Optional<Duration> wait = throttle.refusal(account, request.getRemoteAddr(), form ? "form" : "basic");
            if (wait.isPresent()) {
                refuse(request, response, wait.get());
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, Duration wait) throws IOException {
        if (form) {
            long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
            response.sendRedirect(request.getContextPath() + "/login?throttled=" + minutes);
            return;
        }
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait.toSeconds()));
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"status\":429,\"error\":\"Too Many Requests\",\"message\":\"too many failed "
                + "logins for this account or from this address: retry in " + wait.toSeconds() + " s\"}");
    }

    private static String formAccount(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod()) || !"/login".equals(request.getServletPath())) {
            return null;
        }
        String username = request.getParameter("username");
        return username == null ? "" : username;
    }

    private static String basicAccount(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? decoded : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return null; // not Base64: Spring Security's filter answers it
        }
    }
}
