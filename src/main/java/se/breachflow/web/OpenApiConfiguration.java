package se.breachflow.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** The OpenAPI description of the project's API (generated from the controllers), served at /v3/api-docs. */
@Configuration
public class OpenApiConfiguration {

  @Bean
  OpenAPI breachflowApi() {
    return new OpenAPI()
        .info(new Info().title("breachflow API").version("v1").description(
            "Personuppgiftsincidenter: rapport, riskbedömning, register och statistik. Alla fel är "
                + "application/problem+json; tider är ISO-8601."))
        .components(new Components().addSecuritySchemes("basic",
            new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
        .addSecurityItem(new SecurityRequirement().addList("basic"));
  }
}
