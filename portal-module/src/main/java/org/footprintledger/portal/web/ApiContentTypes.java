package org.footprintledger.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Set;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * State-changing API calls (POST, PUT, PATCH, DELETE under {@code /api/}) take JSON, or the content types their
 * mapping declares ({@code consumes}, e.g. the feed's CSV upload), and nothing else: a form a browser would send
 * cross-origin with the Basic credentials it holds ({@code application/x-www-form-urlencoded},
 * {@code multipart/form-data}, {@code text/plain}) is answered 415. A call without a body and without a content type
 * (a month close, a retry) is taken as it is.
 */
class ApiContentTypes implements HandlerInterceptor {

    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeNotSupportedException {
        if (!STATE_CHANGING.contains(request.getMethod()) || !request.getRequestURI().startsWith("/api/")
                || !(handler instanceof HandlerMethod method)) {
            return true;
        }
        String contentType = request.getContentType();
        if (contentType == null) {
            if (hasBody(request)) {
                throw new HttpMediaTypeNotSupportedException("a body without a Content-Type: send application/json");
            }
            return true;
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        } catch (IllegalArgumentException e) {
            throw new HttpMediaTypeNotSupportedException("unreadable Content-Type: send application/json");
        }
        List<MediaType> accepted = accepted(method);
        if (accepted.stream().noneMatch(a -> a.includes(type))) {
            throw new HttpMediaTypeNotSupportedException(type, accepted, HttpMethod.valueOf(request.getMethod()));
        }
        return true;
    }

    private static List<MediaType> accepted(HandlerMethod method) {
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), RequestMapping.class);
        if (mapping == null || mapping.consumes().length == 0) {
            return List.of(MediaType.APPLICATION_JSON, new MediaType("application", "*+json"));
        }
        return MediaType.parseMediaTypes(List.of(mapping.consumes()));
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    }
}
