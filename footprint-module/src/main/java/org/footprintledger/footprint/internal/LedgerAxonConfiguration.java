package org.footprintledger.footprint.internal;

import org.axonframework.config.ConfigurerModule;
import org.footprintledger.footprint.domain.FactorRegistry;
import org.footprintledger.footprint.domain.SubscriberMonthLedger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the ledger aggregate with Axon from the outside, so the domain class carries no Spring annotation. */
@Configuration(proxyBeanMethods = false)
class LedgerAxonConfiguration {

    @Bean
    ConfigurerModule subscriberMonthLedgerModule() {
        return configurer -> configurer.configureAggregate(SubscriberMonthLedger.class);
    }

    @Bean
    FactorRegistry factorRegistry() {
        return FactorRegistry.seeded();
    }
}
