package org.footprintledger.portal.web.feed;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The page a feed account lands on: a feed sends usage over the API and has no other page. */
@Controller
class FeedHomeController {

    @GetMapping("/feed")
    String feedHome() {
        return "feed-home";
    }
}
