package org.footprintledger.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The query-count tests' counter counts what a request thread prepares, and nothing of other threads. */
class StatementCounterTest {

    @Test
    void statements_prepared_on_a_request_thread_are_counted_and_others_are_not() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
            DataSource counted = StatementCounter.counting(postgres.getPostgresDatabase());
            StatementCounter.reset();

            Thread request = new Thread(() -> runThreeStatements(counted), "http-nio-auto-1-exec-1");
            request.start();
            request.join();
            long onRequests = StatementCounter.count();
            Thread background = new Thread(() -> runThreeStatements(counted), "scheduling-1");
            background.start();
            background.join();

            assertThat(onRequests).isEqualTo(3);
            assertThat(StatementCounter.count()).isEqualTo(3);
        }
    }

    private static void runThreeStatements(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement first = connection.prepareStatement("SELECT 1");
             PreparedStatement second = connection.prepareStatement("SELECT ?::int");
             Statement third = connection.createStatement()) {
            first.executeQuery().close();
            second.setInt(1, 2);
            second.executeQuery().close();
            third.executeQuery("SELECT 3").close();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
