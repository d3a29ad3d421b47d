package org.footprintledger.portal.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description springdoc builds from the controllers under {@code /api/}, served at {@code /v3/api-docs}
 * to any logged-in client and kept in {@code docs/openapi.json}. Its server is relative ({@code /}), so the
 * description does not depend on the host or port it was read from.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI footprintLedgerApi() {
        return new OpenAPI()
                .info(new Info().title("Footprint ledger API").version("v1")
                        .description("Data volume and greenhouse-gas footprint statements per subscriber line "
                                + "(loi AGEC art. 13). The contract in words: docs/contract.md; rules behind each "
                                + "answer: docs/api.md.")
                        .license(new License().name("proprietary")))
                .servers(List.of(new Server().url("/")))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("basic").description("demo mode"))
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT").description("jwt mode")))
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
