package org.footprintledger.footprint.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.footprintledger.footprint.api.DeviceFootprint;
import org.footprintledger.footprint.api.DeviceModel;
import org.footprintledger.footprint.api.DeviceRejectedException;
import org.footprintledger.footprint.api.Devices;
import org.footprintledger.footprint.api.SubscriberDevice;
import org.footprintledger.footprint.domain.DeviceAmortisation;
import org.footprintledger.footprint.domain.DeviceListPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The device view: stores what the operator sends (checked by {@link DeviceListPolicy}, replaced as a whole in one
 * transaction) and computes the monthly footprint with {@link DeviceAmortisation}. The catalogue is read from the
 * database on each call: it has three rows.
 */
@Service
class DeviceService implements Devices {

    private static final Logger log = LoggerFactory.getLogger(DeviceService.class);
    /** Acquisition dates are local days in Europe/Paris, like usage dates. */
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final DeviceRepository repository;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Counter stored;
    private final Counter rejected;

    DeviceService(DeviceRepository repository, TransactionTemplate transactions, Clock clock, MeterRegistry metrics) {
        this.repository = repository;
        this.transactions = transactions;
        this.clock = clock;
        this.stored = updates(metrics, "stored");
        this.rejected = updates(metrics, "rejected");
    }

    private static Counter updates(MeterRegistry metrics, String outcome) {
        return Counter.builder("devices.updates")
                .description("Replacements of a subscriber's device list, by outcome")
                .tag("outcome", outcome)
                .register(metrics);
    }

    @Override
    public List<DeviceModel> catalogue() {
        return repository.models();
    }

    @Override
    public List<SubscriberDevice> devicesOf(String subscriberId) {
        return repository.devicesOf(subscriberId);
    }

    @Override
    public List<SubscriberDevice> replaceDevicesOf(String subscriberId, List<SubscriberDevice> devices) {
        DeviceListPolicy policy = new DeviceListPolicy(catalogueById().keySet());
        try {
            policy.check(devices, LocalDate.now(clock.withZone(PARIS)));
        } catch (DeviceRejectedException e) {
            rejected.increment();
            log.info("Devices of subscriber {} not stored: {}", subscriberId, e.getMessage());
            throw e;
        }
        List<SubscriberDevice> now = transactions.execute(status -> {
            repository.replace(subscriberId, devices, clock.instant());
            return repository.devicesOf(subscriberId);
        });
        stored.increment();
        log.info("Devices of subscriber {} replaced: {} device(s)", subscriberId, devices.size());
        return now;
    }

    @Override
    public List<DeviceFootprint> monthlyFootprintOf(String subscriberId, YearMonth month) {
        Map<String, DeviceModel> models = catalogueById();
        return repository.devicesOf(subscriberId).stream()
                .filter(device -> !YearMonth.from(device.acquiredOn()).isAfter(month))
                .map(device -> DeviceAmortisation.footprint(device, models.get(device.modelId()), month))
                .toList();
    }

    private Map<String, DeviceModel> catalogueById() {
        return repository.models().stream().collect(Collectors.toMap(DeviceModel::modelId, Function.identity()));
    }
}
