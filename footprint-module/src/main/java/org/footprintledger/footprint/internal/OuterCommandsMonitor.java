package org.footprintledger.footprint.internal;

import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitorCallback;

/**
 * The command bus's monitor for the commands sent from outside any unit of work (a batch envelope, a publication):
 * a command sent while another is being handled (each ledger's command inside its batch's unit of work) is measured
 * within the outer one's timer and count, not again on its own. Measured: the dimensional monitor's timer and counter
 * lookups by tags were a tenth of a batch's CPU once each ledger's command travels the bus.
 */
final class OuterCommandsMonitor implements MessageMonitor<Message<?>> {

    private final MessageMonitor<Message<?>> outer;

    OuterCommandsMonitor(MessageMonitor<Message<?>> outer) {
        this.outer = outer;
    }

    @Override
    public MonitorCallback onMessageIngested(Message<?> message) {
        return CurrentUnitOfWork.isStarted() ? NoOpMessageMonitorCallback.INSTANCE : outer.onMessageIngested(message);
    }
}
