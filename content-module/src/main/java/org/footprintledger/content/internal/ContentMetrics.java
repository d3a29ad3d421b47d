package org.footprintledger.content.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.footprintledger.content.api.ContentKind;
import org.footprintledger.content.api.RatingTarget;
import org.springframework.stereotype.Component;

/**
 * What the content brings, on /actuator/prometheus: views of items on the customer page, feedback by kind (rating of
 * the page or a tip, yes or no; comments; survey answers), published versions, bindings made, moderation actions.
 */
@Component
class ContentMetrics {

    private final MeterRegistry registry;

    ContentMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (ContentKind kind : ContentKind.values()) {
            views(kind.name(), 0);
            published(kind, 0);
            fourEyesCounter(kind);
        }
        for (RatingTarget target : RatingTarget.values()) {
            rating(target, true, 0);
            rating(target, false, 0);
        }
        feedback("comment", 0);
        feedback("survey", 0);
    }

    void views(String kind, long count) {
        Counter.builder("content.views").description("Items shown on the customer page (PAGE: the page itself)")
                .tag("kind", kind).register(registry).increment(count);
    }

    void rating(RatingTarget target, boolean useful, long count) {
        Counter.builder("content.ratings").description("'Was this useful?' answers")
                .tag("target", target.name()).tag("useful", useful ? "yes" : "no").register(registry)
                .increment(count);
        feedback("rating", count);
    }

    void feedback(String kind, long count) {
        Counter.builder("content.feedback").description("Customer feedback received, by kind")
                .tag("kind", kind).register(registry).increment(count);
    }

    void published(ContentKind kind, long count) {
        Counter.builder("content.versions.published").description("Versions published by editors")
                .tag("kind", kind.name()).register(registry).increment(count);
    }

    void fourEyesRefused(ContentKind kind) {
        fourEyesCounter(kind).increment();
    }

    private Counter fourEyesCounter(ContentKind kind) {
        return Counter.builder("content.four_eyes.refused")
                .description("Publications refused because the editor publishing had submitted the version")
                .tag("kind", kind.name()).register(registry);
    }

    void bound() {
        Counter.builder("content.equivalence.bindings").description("Statement lines bound to equivalences")
                .register(registry).increment();
    }

    void moderated(String action) {
        Counter.builder("content.moderations").description("Comments moderated by editors")
                .tag("action", action).register(registry).increment();
    }
}
