package org.footprintledger.footprint.internal;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Micrometer monitors on what ops watch, in place of Axon's auto-configuration
 * ({@code axon.metrics.auto-configuration.enabled=false}): event processors get {@link EventProcessorMonitor} (Axon's
 * {@code eventProcessor_*} meters, found once per payload type instead of for every event); the command bus
 * ({@code commandBus_*}, the commands sent from outside a unit of work: {@link OuterCommandsMonitor}) and the query
 * bus keep Axon's dimensional monitors (a few messages per thousand events). The
 * event bus is not monitored: Axon's monitor looked a timer up by tags for every event appended, about a sixth of the
 * ledger's append in a profile, for a figure nobody reads (the events appended are counted by
 * {@code usage_ledger_facts_fed_total} and the processors' own counters).
 */
@Configuration(proxyBeanMethods = false)
class AxonMetricsConfiguration {

    @Bean
    @SuppressWarnings("unchecked")
    ConfigurerModule axonMessageMonitors(MeterRegistry meters) {
        GlobalMetricRegistry registry = new GlobalMetricRegistry(meters);
        return configurer -> configurer.configureMessageMonitor(configuration -> (componentType, componentName) ->
                EventBus.class.isAssignableFrom(componentType) ? NoOpMessageMonitor.instance()
                        : EventProcessor.class.isAssignableFrom(componentType)
                        ? new EventProcessorMonitor(componentName, meters, Clock.systemUTC())
                        : CommandBus.class.isAssignableFrom(componentType)
                        ? new OuterCommandsMonitor((MessageMonitor<Message<?>>) registry
                                .registerComponentWithDefaultTags(componentType, componentName))
                        : (MessageMonitor<Message<?>>) registry.registerComponentWithDefaultTags(componentType,
                                componentName));
    }
}
