package org.footprintledger.content.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.footprintledger.content.api.ChosenEquivalence;
import org.footprintledger.content.api.CustomerContent;
import org.footprintledger.content.api.EquivalenceBinding;
import org.footprintledger.content.api.LineContent;
import org.footprintledger.content.api.ShownTip;
import org.footprintledger.content.api.StatementLineRef;
import org.footprintledger.content.api.TipVersion;
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

    CustomerContentService(JdbcEquivalenceCatalogue catalogue, JdbcEcoTips tips, EquivalenceBindings bindings,
                           ContentViews views, RatingStore ratings, ContentMetrics metrics) {
        this.catalogue = catalogue;
        this.tips = tips;
        this.bindings = bindings;
        this.views = views;
        this.ratings = ratings;
        this.metrics = metrics;
    }

    @Override
    @Transactional
    public LineContent show(StatementLineRef line, boolean withTips) {
        List<ChosenEquivalence> equivalences = bound(line);
        List<ShownTip> shown = withTips ? tips(line, false) : List.of();
        views.count(Stream.concat(equivalences.stream().map(ChosenEquivalence::itemId),
                shown.stream().map(ShownTip::itemId)).toList());
        metrics.views("EQUIVALENCE", equivalences.size());
        metrics.views("TIP", shown.size());
        return new LineContent(line.lineId(), equivalences, shown);
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

    private List<ChosenEquivalence> bound(StatementLineRef line) {
        String month = line.month().toString();
        Optional<EquivalenceBinding> existing = bindings.find(line.subscriberId(), month, line.lineId(),
                line.statementRevision());
        if (existing.isPresent()) {
            return existing.get().equivalences();
        }
        List<ChosenEquivalence> chosen = EquivalenceSelection.choose(line.exactGrams(),
                catalogue.forSelection(false), line.subscriberId(), line.month());
        if (!bindings.insert(line.subscriberId(), month, line.lineId(), line.statementRevision(), chosen)) {
            return bindings.find(line.subscriberId(), month, line.lineId(), line.statementRevision())
                    .orElseThrow().equivalences();
        }
        metrics.bound();
        log.debug("bound {} equivalences to {} {} {} revision {}", chosen.size(), line.subscriberId(), month,
                line.lineId(), line.statementRevision());
        return chosen;
    }

    private List<ShownTip> tips(StatementLineRef line, boolean preview) {
        Map<Long, long[]> votes = ratings.tipVotes();
        List<ShownTip> shown = new ArrayList<>();
        for (TipVersion tip : tips.forCustomers(preview)) {
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
