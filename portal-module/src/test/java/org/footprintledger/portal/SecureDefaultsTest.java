package org.footprintledger.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.footprintledger.portal.security.SecureDefaults;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** No demo account outside demo mode: a deployment on its own database must say which mode it runs. */
class SecureDefaultsTest {

    @Test
    void an_external_database_without_a_security_mode_refuses_to_start_and_says_what_to_set() {
        // the refusal comes before any bean: nothing connects to this database
        assertThatThrownBy(() -> new SpringApplicationBuilder(FootprintLedgerApplication.class).run(
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test", "--server.port=0"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("footprint.security.mode is not set")
                .hasMessageContaining("FOOTPRINT_SECURITY_MODE=jwt");
    }

    @Test
    void the_embedded_default_runs_the_demo_accounts_and_the_demo_data() {
        StandardEnvironment environment = environment(Map.of());

        new SecureDefaults().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("footprint.security.mode")).isEqualTo("demo");
        assertThat(environment.getProperty("footprint.demo-data.enabled")).isEqualTo("true");
    }

    @Test
    void an_external_database_in_jwt_mode_loads_no_demo_data_unless_asked() {
        StandardEnvironment jwt = environment(Map.of("spring.datasource.url", "jdbc:postgresql://db/footprint",
                "footprint.security.mode", "jwt"));
        StandardEnvironment asked = environment(Map.of("spring.datasource.url", "jdbc:postgresql://db/footprint",
                "footprint.security.mode", "demo", "footprint.demo-data.enabled", "true"));

        new SecureDefaults().postProcessEnvironment(jwt, new SpringApplication());
        new SecureDefaults().postProcessEnvironment(asked, new SpringApplication());

        assertThat(jwt.getProperty("footprint.security.mode")).isEqualTo("jwt");
        assertThat(jwt.getProperty("footprint.demo-data.enabled")).isEqualTo("false");
        assertThat(asked.getProperty("footprint.demo-data.enabled")).isEqualTo("true");
    }

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return environment;
    }
}
