package org.footprintledger.portal.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

/**
 * Production identities: bearer JWTs of the operator's identity provider. Roles come from a claim (default
 * {@code roles}, values such as {@code FEED} or {@code SUBSCRIBER}); the subscriber id is the principal claim
 * (default {@code sub}). The issuer or key set is Spring Boot's {@code spring.security.oauth2.resourceserver.jwt.*}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "footprint.security.mode", havingValue = "jwt")
class JwtConfiguration {

    @Bean
    JwtAuthenticationConverter jwtAuthenticationConverter(
            @Value("${footprint.security.jwt.roles-claim:roles}") String rolesClaim,
            @Value("${footprint.security.jwt.principal-claim:sub}") String principalClaim) {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(rolesClaim);
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        converter.setPrincipalClaimName(principalClaim);
        return converter;
    }
}
