package org.footprintledger.content.api;

import java.util.List;

/** What is shown under one statement line: two or three equivalences and the tips, most useful first. */
public record LineContent(String lineId, List<ChosenEquivalence> equivalences, List<ShownTip> tips) {
}
