package org.footprintledger.content.api;

import java.util.List;

/** The versioned eco-tips, as editors manage them. */
public interface EcoTips {

    List<TipVersion> latest();

    List<TipVersion> versions(long itemId);

    TipVersion create(TipInput input, String editor);

    TipVersion edit(long itemId, TipInput input, String editor);
}
