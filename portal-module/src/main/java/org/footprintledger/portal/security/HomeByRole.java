package org.footprintledger.portal.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/** After the login form: editors go to the editor pages, everyone else to the customer area. */
final class HomeByRole implements AuthenticationSuccessHandler {

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException {
        boolean editor = authentication.getAuthorities().stream()
                .anyMatch(a -> ("ROLE_" + Roles.EDITOR).equals(a.getAuthority()));
        response.sendRedirect(request.getContextPath() + (editor ? "/editeur" : "/espace-client"));
    }
}
