package org.footprintledger.content.api;

/** Editorial text to HTML for pages: escaped first, then the safe Markdown subset (bold, italic, https links). */
public interface SafeText {

    String toHtml(String markdown);
}
