package org.footprintledger.portal.config;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's dimensional Micrometer monitors on what ops watch (event processors: {@code eventProcessor_*}; the command
 * bus: {@code commandBus_*}; the query bus), in place of Axon's auto-configuration
 * ({@code axon.metrics.auto-configuration.enabled=false}), which also monitors the event bus: a timer looked up by
 * tags for every event appended, about a sixth of the ledger's append in a profile, for a figure nobody reads (the
 * events appended are counted by {@code usage_ledger_facts_fed_total} and the processors' own counters).
 */
@Configuration(proxyBeanMethods = false)
class AxonMetricsConfiguration {

    @Bean
    @SuppressWarnings("unchecked")
    ConfigurerModule axonMessageMonitors(MeterRegistry meters) {
        GlobalMetricRegistry registry = new GlobalMetricRegistry(meters);
        return configurer -> configurer.configureMessageMonitor(configuration -> (componentType, componentName) ->
                EventBus.class.isAssignableFrom(componentType)
                        ? NoOpMessageMonitor.instance()
                        : (MessageMonitor<Message<?>>) registry.registerComponentWithDefaultTags(componentType,
                                componentName));
    }
}
