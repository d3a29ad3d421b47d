package org.footprintledger.footprint.internal;

import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.footprintledger.footprint.domain.PublishedFactorSet;
import org.footprintledger.footprint.domain.SubscriberMonthLedger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the aggregates with Axon from the outside, so domain classes carry no Spring annotation. The factor set
 * registry's table is written by a subscribing processor, in the transaction that publishes the set.
 */
@Configuration(proxyBeanMethods = false)
class LedgerAxonConfiguration {

    @Bean
    ConfigurerModule ledgerAggregatesModule() {
        return configurer -> {
            configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(SubscriberMonthLedger.class)
                    .configureCommandTargetResolver(configuration -> new LedgerCommandTargets()));
            configurer.configureAggregate(PublishedFactorSet.class);
            configurer.eventProcessing(processing -> processing
                    .registerSubscribingEventProcessor(FactorSetProjection.PROCESSING_GROUP));
        };
    }
}
