package org.footprintledger.portal.security;

import static org.springframework.security.config.Customizer.withDefaults;

import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Two filter chains: the API (stateless, HTTP Basic in demo mode, bearer JWT in production) and the pages for
 * people (form login in demo mode). Every path not listed is denied.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    private final boolean jwtMode;

    SecurityConfiguration(@Value("${footprint.security.mode:demo}") String mode) {
        this.jwtMode = "jwt".equals(mode);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(auth -> auth
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole(Roles.OPS)
                        .requestMatchers(HttpMethod.POST, "/api/v1/usage/**").hasRole(Roles.FEED)
                        .requestMatchers(HttpMethod.GET, "/api/v1/usage/**").hasAnyRole(Roles.FEED, Roles.OPS)
                        .requestMatchers("/api/v1/ops/**").hasRole(Roles.OPS)
                        .requestMatchers("/api/v1/audit/**").hasRole(Roles.AUDITOR)
                        .requestMatchers(HttpMethod.GET, "/api/v1/factor-sets").authenticated()
                        .requestMatchers(HttpMethod.GET, "/api/v1/devices/models").authenticated()
                        .requestMatchers(HttpMethod.PUT, "/api/v1/subscribers/{subscriberId}/devices")
                        .hasRole(Roles.FEED)
                        .requestMatchers(HttpMethod.GET, "/api/v1/subscribers/{subscriberId}/**")
                        .access(new SubscriberDataAccess())
                        // content shown with a subscriber's statements: as its statements
                        .requestMatchers(HttpMethod.GET, "/api/v1/content/subscribers/{subscriberId}/**")
                        .access(new SubscriberDataAccess())
                        .requestMatchers("/api/v1/content/**").hasRole(Roles.EDITOR)
                        // feedback: the subscriber itself only, for reading as for writing
                        .requestMatchers("/api/v1/feedback/subscribers/{subscriberId}/**")
                        .access(SubscriberDataAccess.subscriberItselfOnly())
                        .anyRequest().denyAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        if (jwtMode) {
            http.oauth2ResourceServer(jwt -> jwt.jwt(withDefaults()));
        } else {
            http.httpBasic(withDefaults());
        }
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageSecurity(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/login", "/error", "/css/**", "/img/**", "/favicon.ico").permitAll()
                        .requestMatchers("/espace-client", "/espace-client/**").hasRole(Roles.SUBSCRIBER)
                        .requestMatchers("/editeur", "/editeur/**").hasRole(Roles.EDITOR)
                        .requestMatchers("/audit", "/audit/**").hasRole(Roles.AUDITOR)
                        .requestMatchers("/").hasAnyRole(Roles.SUBSCRIBER, Roles.EDITOR)
                        .anyRequest().denyAll());
        if (jwtMode) {
            http.oauth2ResourceServer(jwt -> jwt.jwt(withDefaults()));
        } else {
            // after the login form, "/" sends editors to the editor pages and everyone else to the customer area
            // the product's own login page (templates/login.html), in the visitor's language
            http.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", true).permitAll())
                    .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll());
        }
        return http.build();
    }
}
