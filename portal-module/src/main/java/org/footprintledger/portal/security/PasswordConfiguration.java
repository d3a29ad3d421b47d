package org.footprintledger.portal.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "footprint.security.mode", havingValue = "demo", matchIfMissing = true)
class PasswordConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return DemoAccounts.passwordEncoder();
    }
}
