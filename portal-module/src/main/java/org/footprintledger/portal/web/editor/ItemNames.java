package org.footprintledger.portal.web.editor;

import java.util.HashMap;
import java.util.Map;
import org.footprintledger.content.api.EcoTips;
import org.footprintledger.content.api.EquivalenceCatalogue;
import org.footprintledger.content.api.Lang;
import org.footprintledger.content.api.SafeText;
import org.footprintledger.content.api.TipVersion;
import org.footprintledger.portal.web.DisplayFormat;

/**
 * How editors' pages and downloads name an item: a tip by the start of its text (as customers read it, in the
 * page's language), an equivalence by its label; the page itself by the words for it.
 */
public final class ItemNames {

    static final int TIP_NAME_LENGTH = 60;
    private final Map<Long, String> names = new HashMap<>();
    private final String page;

    ItemNames(EcoTips tips, EquivalenceCatalogue equivalences, SafeText safeText, DisplayFormat fmt, Lang lang,
              String page) {
        this.page = page;
        for (TipVersion tip : tips.latest()) {
            String text = lang == Lang.EN && tip.content().textEn() != null ? tip.content().textEn()
                    : tip.content().textFr();
            names.put(tip.itemId(), fmt.plain(safeText.toHtml(text), TIP_NAME_LENGTH));
        }
        equivalences.latest().forEach(e -> names.put(e.itemId(), lang == Lang.EN
                && e.content().labelEnSingular() != null ? e.content().labelEnSingular()
                : e.content().labelFrSingular()));
    }

    /** The item's name; the page for a null (or 0, as comments tell the page) id; the key when unknown. */
    public String of(Long itemId, String key) {
        if (itemId == null || itemId == 0) {
            return page;
        }
        return names.getOrDefault(itemId, key == null ? "#" + itemId : key);
    }
}
