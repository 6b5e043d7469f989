package org.callbackladder.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description at /v3/api-docs (Swagger UI at /swagger-ui.html), kept in sync by springdoc. */
@Configuration
public class ApiDocumentation {

  @Bean
  OpenAPI callbackLadderApi() {
    return new OpenAPI()
        .info(new Info()
            .title("Callback Ladder")
            .version("1")
            .description("Take in callback requests from every channel and follow each to its closure. "
                + "/api needs HTTP basic authentication as a Camunda user, or an integration's API token as a bearer"
                + " token; webhooks are checked by signature."))
        .components(new Components()
            .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
            .addSecuritySchemes("token", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .description("An API token (POST /api/tokens, administrators)")))
        // either one
        .addSecurityItem(new SecurityRequirement().addList("basic"))
        .addSecurityItem(new SecurityRequirement().addList("token"));
  }
}
