package org.footprintledger.portal.security;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Demo accounts and demo data only where they cannot reach a real deployment. On the embedded default database (no
 * {@code spring.datasource.url}) the security mode defaults to {@code demo} and the demo data to on. With an external
 * database nothing defaults: the demo data is off and the application refuses to start until
 * {@code footprint.security.mode} says what it is ({@code jwt} in production, {@code demo} on purpose).
 */
public final class SecureDefaults implements EnvironmentPostProcessor {

    static final String MODE = "footprint.security.mode";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String datasource = environment.getProperty("spring.datasource.url", "");
        boolean embedded = datasource.isBlank();
        if (!embedded && environment.getProperty(MODE, "").isBlank()) {
            throw new IllegalStateException("footprint.security.mode is not set, and the database is external ("
                    + "spring.datasource.url is set): set FOOTPRINT_SECURITY_MODE=jwt to take the bearer tokens of "
                    + "the operator's identity provider (README, Configuration), or FOOTPRINT_SECURITY_MODE=demo to "
                    + "run the demo accounts on this database on purpose");
        }
        Map<String, Object> defaults = new LinkedHashMap<>();
        if (embedded) {
            defaults.put(MODE, "demo");
        }
        defaults.put("footprint.demo-data.enabled", String.valueOf(embedded));
        environment.getPropertySources().addLast(new MapPropertySource("footprint-secure-defaults", defaults));
    }
}
