package org.footprintledger.portal.web;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Where a login lands: each role on its own page ({@link RoleHome}). */
@Controller
class HomeController {

    @GetMapping("/")
    String home(Authentication authentication) {
        return RoleHome.of(authentication).map(home -> "redirect:" + home.path())
                .orElseThrow(() -> new AccessDeniedException("no page for this account's roles"));
    }
}
