package org.footprintledger.content.internal;

import org.footprintledger.content.api.SafeText;
import org.footprintledger.content.domain.SafeMarkdown;
import org.springframework.stereotype.Component;

@Component
class SafeMarkdownText implements SafeText {

    @Override
    public String toHtml(String markdown) {
        return SafeMarkdown.render(markdown);
    }
}
