package org.footprintledger.content.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.footprintledger.content.api.ChosenEquivalence;
import org.footprintledger.content.api.CustomerContent;
import org.footprintledger.content.api.EquivalenceBinding;
import org.footprintledger.content.api.LineContent;
import org.footprintledger.content.api.ShownTip;
import org.footprintledger.content.api.StatementLineRef;
import org.footprintledger.content.api.TipVersion;
import org.footprintledger.content.domain.Equivalence;
import org.footprintledger.content.domain.EquivalenceSelection;
import org.footprintledger.content.domain.SafeMarkdown;
import org.footprintledger.content.domain.SavingEstimator;
import org.footprintledger.content.domain.TipRule;
import org.footprintledger.content.domain.TipTargeting;
import org.footprintledger.content.domain.Usefulness;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Equivalences bound to statement lines, and tips ranked by usefulness, for the customer page and the preview. */
@Service
class CustomerContentService implements CustomerContent {

    private static final Logger log = LoggerFactory.getLogger(CustomerContentService.class);
    private final JdbcEquivalenceCatalogue catalogue;
    private final JdbcEcoTips tips;
    private final EquivalenceBindings bindings;
    private final ContentViews views;
    private final RatingStore ratings;
    private final ContentMetrics metrics;
    private final ContentRevisions revisions;

    CustomerContentService(JdbcEquivalenceCatalogue catalogue, JdbcEcoTips tips, EquivalenceBindings bindings,
                           ContentViews views, RatingStore ratings, ContentMetrics metrics,
                           ContentRevisions revisions) {
        this.revisions = revisions;
        this.catalogue = catalogue;
        this.tips = tips;
        this.bindings = bindings;
        this.views = views;
        this.ratings = ratings;
        this.metrics = metrics;
    }

    @Override
    @Transactional
    public List<LineContent> show(List<StatementLineRef> lines, boolean withTips) {
        Map<EquivalenceBindings.Key, List<ChosenEquivalence>> equivalences = bound(lines);
        List<TipVersion> published = withTips ? tips.forCustomers(false) : List.of();
        List<LineContent> shown = new ArrayList<>();
        for (StatementLineRef line : lines) {
            List<ChosenEquivalence> chosen = equivalences.get(key(line));
            List<ShownTip> lineTips = withTips ? ranked(line, published).stream()
                    .filter(tip -> !savesZero(tip)).toList() : List.of();
            shown.add(new LineContent(line.lineId(), chosen, lineTips));
        }
        countShown(shown);
        return List.copyOf(shown);
    }

    @Override
    public void countShown(List<LineContent> shown) {
        List<Long> viewed = new ArrayList<>();
        int equivalenceCount = 0;
        int tipCount = 0;
        for (LineContent line : shown) {
            line.equivalences().forEach(c -> viewed.add(c.itemId()));
            line.tips().forEach(t -> viewed.add(t.itemId()));
            equivalenceCount += line.equivalences().size();
            tipCount += line.tips().size();
        }
        views.count(viewed);
        metrics.views("EQUIVALENCE", equivalenceCount);
        metrics.views("TIP", tipCount);
    }

    @Override
    public long revision(String subscriberId) {
        return revisions.of(subscriberId) * 31 + ratings.tipVotesRevision();
    }

    /** A tip whose saving, as shown, is 0 g says nothing to the customer: it is not shown. */
    private static boolean savesZero(ShownTip tip) {
        return tip.saving().displayedGrams() != null && tip.saving().displayedGrams() == 0L;
    }

    @Override
    @Transactional(readOnly = true)
    public LineContent preview(StatementLineRef line) {
        List<ChosenEquivalence> equivalences = EquivalenceSelection.choose(line.exactGrams(),
                catalogue.forSelection(true), line.subscriberId(), line.month());
        return new LineContent(line.lineId(), equivalences, tips(line, true));
    }

    @Override
    public Optional<EquivalenceBinding> binding(String subscriberId, String month, String lineId, String revision) {
        return bindings.find(subscriberId, month, lineId, revision);
    }

    @Override
    @Transactional
    public void countPageView() {
        views.countPage();
        metrics.views("PAGE", 1);
    }

    /** Each line's equivalences: the bindings read in one query, the missing ones chosen and stored together. */
    private Map<EquivalenceBindings.Key, List<ChosenEquivalence>> bound(List<StatementLineRef> lines) {
        Map<EquivalenceBindings.Key, List<ChosenEquivalence>> byKey = new HashMap<>();
        Set<EquivalenceBindings.Key> keys = new LinkedHashSet<>();
        lines.forEach(line -> keys.add(key(line)));
        bindings.findAll(keys).forEach((key, binding) -> byKey.put(key, binding.equivalences()));
        Map<EquivalenceBindings.Key, List<ChosenEquivalence>> missing = new LinkedHashMap<>();
        List<Equivalence> catalogueNow = null;
        for (StatementLineRef line : lines) {
            EquivalenceBindings.Key key = key(line);
            if (byKey.containsKey(key) || missing.containsKey(key)) {
                continue;
            }
            if (catalogueNow == null) {
                catalogueNow = catalogue.forSelection(false);
            }
            missing.put(key, EquivalenceSelection.choose(line.exactGrams(), catalogueNow, line.subscriberId(),
                    line.month()));
        }
        Set<EquivalenceBindings.Key> inserted = bindings.insertAll(missing);
        inserted.forEach(key -> {
            byKey.put(key, missing.get(key));
            metrics.bound();
            log.debug("bound {} equivalences to {} {} {} revision {}", missing.get(key).size(), key.subscriberId(),
                    key.month(), key.lineId(), key.revision());
        });
        List<EquivalenceBindings.Key> boundElsewhere = missing.keySet().stream()
                .filter(key -> !inserted.contains(key)).toList();
        bindings.findAll(boundElsewhere).forEach((key, binding) -> byKey.put(key, binding.equivalences()));
        return byKey;
    }

    private static EquivalenceBindings.Key key(StatementLineRef line) {
        return new EquivalenceBindings.Key(line.subscriberId(), line.month().toString(), line.lineId(),
                line.statementRevision());
    }

    private List<ShownTip> tips(StatementLineRef line, boolean preview) {
        return ranked(line, tips.forCustomers(preview));
    }

    private List<ShownTip> ranked(StatementLineRef line, List<TipVersion> candidates) {
        Map<Long, long[]> votes = ratings.tipVotes();
        List<ShownTip> shown = new ArrayList<>();
        for (TipVersion tip : candidates) {
            TipRule rule = TipRule.of(tip.content());
            if (!TipTargeting.suits(rule, line.tipContext())) {
                continue;
            }
            long[] yesNo = votes.getOrDefault(tip.itemId(), new long[2]);
            shown.add(new ShownTip(tip.itemId(), tip.version(), tip.content().key(),
                    SafeMarkdown.render(tip.content().textFr()), SafeMarkdown.render(tip.content().textEn()),
                    SavingEstimator.estimate(rule, line.tipContext()), Usefulness.score(yesNo[0], yesNo[1]),
                    yesNo[0], yesNo[1]));
        }
        shown.sort(Comparator.comparing(ShownTip::usefulness).reversed().thenComparing(ShownTip::key));
        return List.copyOf(shown);
    }
}
