package org.footprintledger.portal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

class LedgerReadinessTest {

    @Test
    void a_node_is_ready_while_its_read_model_is_within_the_lag_allowed() {
        assertThat(LedgerReadiness.of(OptionalLong.of(0), 100).getStatus()).isEqualTo(Status.UP);
        assertThat(LedgerReadiness.of(OptionalLong.of(100), 100).getStatus()).isEqualTo(Status.UP);
        assertThat(LedgerReadiness.of(OptionalLong.of(101), 100).getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
    }

    @Test
    void a_node_that_projects_nothing_leaves_the_lag_to_the_node_that_does() {
        assertThat(LedgerReadiness.of(OptionalLong.empty(), 100).getStatus()).isEqualTo(Status.UP);
    }
}
