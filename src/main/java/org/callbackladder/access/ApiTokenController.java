package org.callbackladder.access;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/tokens}: administrators (SecurityConfiguration) issue, list and revoke the API tokens of integrations. */
@Tag(name = "Tokens", description = "Integrations' API tokens (administrators)")
@RestController
public class ApiTokenController {

  private final ApiTokens tokens;

  public ApiTokenController(ApiTokens tokens) {
    this.tokens = tokens;
  }

  /** The answer is the only time the token is shown. */
  @PostMapping(path = "/api/tokens", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Map<String, Object>> issue(@RequestBody Map<String, Object> body, Authentication user) {
    ApiTokens.Issued issued = tokens.issue(
        new ApiTokens.Request(body.get("name"), body.get("userId"), body.get("scope"), body.get("validDays")), user.getName());
    return ResponseEntity.created(URI.create("/api/tokens/" + issued.token().getId()))
        .body(Map.of("token", issued.secret(), "details", TokenView.of(issued.token())));
  }

  @GetMapping(path = "/api/tokens", produces = MediaType.APPLICATION_JSON_VALUE)
  public List<TokenView> list() {
    return tokens.all().stream().map(TokenView::of).toList();
  }

  @DeleteMapping(path = "/api/tokens/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
  public TokenView revoke(@PathVariable UUID id) {
    return TokenView.of(tokens.revoke(id));
  }

  /** A token as listed: never its secret or hash. */
  public record TokenView(UUID id, String name, String hint, String userId, ApiToken.Scope scope, String createdBy,
      Instant createdAt, Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {

    static TokenView of(ApiToken token) {
      return new TokenView(token.getId(), token.getName(), token.getHint(), token.getUserId(), token.getScope(),
          token.getCreatedBy(), token.getCreatedAt(), token.getExpiresAt(), token.getLastUsedAt(), token.getRevokedAt());
    }
  }
}
