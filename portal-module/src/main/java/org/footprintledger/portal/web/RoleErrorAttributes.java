package org.footprintledger.portal.web;

import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

/**
 * The error page's attributes plus, for a signed-in caller, its {@link RoleHome} ({@code roleHome}): a refused page
 * (403) then says what the account may do and links to its own page, instead of a bare refusal.
 */
@Component
class RoleErrorAttributes extends DefaultErrorAttributes {

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, options);
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        RoleHome.of(authentication).ifPresent(home -> attributes.put("roleHome", home));
        return attributes;
    }
}
