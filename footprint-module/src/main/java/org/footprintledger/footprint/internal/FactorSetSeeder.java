package org.footprintledger.footprint.internal;

import org.footprintledger.footprint.api.FactorSets;
import org.footprintledger.footprint.domain.FactorRegistry;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Publishes the ADEME 2022 set at start when it is not published yet (publishing it again changes nothing). */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class FactorSetSeeder implements ApplicationRunner {

    private final FactorSets factorSets;

    FactorSetSeeder(FactorSets factorSets) {
        this.factorSets = factorSets;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (factorSets.byId(FactorRegistry.ADEME_2022.id()).isEmpty()) {
            factorSets.publish(FactorRegistry.ADEME_2022);
        }
    }
}
