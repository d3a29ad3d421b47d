package org.footprintledger.portal.security;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

/**
 * Production identities: bearer JWTs of the operator's identity provider. Roles come from a claim (default
 * {@code roles}, values such as {@code FEED} or {@code SUBSCRIBER}); the subscriber id is the principal claim
 * (default {@code sub}). The key set is Spring Boot's {@code spring.security.oauth2.resourceserver.jwt.*}. A token
 * is taken only from the configured issuer, for the configured audience, with an expiry (still ahead) and the
 * principal claim: any other answers 401, never 500.
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

    /** The token rules, on the decoder Spring Boot builds from its key configuration. */
    @Bean
    static BeanPostProcessor tokenRules(@Value("${footprint.security.jwt.issuer:${spring.security.oauth2.resourceserver.jwt.issuer-uri:}}") String issuer,
                                        @Value("${footprint.security.jwt.audience:footprint-ledger}") String audience,
                                        @Value("${footprint.security.jwt.principal-claim:sub}") String principal) {
        if (issuer.isBlank()) {
            throw new IllegalStateException("in jwt mode, set footprint.security.jwt.issuer (or "
                    + "spring.security.oauth2.resourceserver.jwt.issuer-uri) to the issuer (iss) of the tokens");
        }
        OAuth2TokenValidator<Jwt> rules = new DelegatingOAuth2TokenValidator<>(List.of(
                JwtValidators.createDefaultWithIssuer(issuer),
                new JwtClaimValidator<Object>(JwtClaimNames.EXP, exp -> exp != null),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(audience)),
                new JwtClaimValidator<Object>(principal, value -> value != null && !value.toString().isBlank())));
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof NimbusJwtDecoder decoder) {
                    decoder.setJwtValidator(rules);
                } else if (bean instanceof JwtDecoder decoder) {
                    // a decoder built lazily from the issuer's metadata: the rules checked after it
                    return (JwtDecoder) token -> {
                        Jwt jwt = decoder.decode(token);
                        OAuth2TokenValidatorResult result = rules.validate(jwt);
                        if (result.hasErrors()) {
                            throw new JwtValidationException("the token breaks a rule", result.getErrors());
                        }
                        return jwt;
                    };
                }
                return bean;
            }
        };
    }
}
