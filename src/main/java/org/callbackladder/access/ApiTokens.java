package org.callbackladder.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.callbackladder.audit.AuditLog;
import org.callbackladder.web.FieldProblem;
import org.callbackladder.web.FieldRules;
import org.callbackladder.web.InvalidInputException;
import org.callbackladder.web.NotFoundException;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues, checks and revokes the API tokens of integrations. A token is 32 random bytes, shown once;
 * only its SHA-256 hash is stored (the token is random, so a plain hash is enough to keep it secret
 * and still find it with one indexed lookup).
 */
@Service
public class ApiTokens {

  static final String PREFIX = "clt_";
  static final int DEFAULT_VALID_DAYS = 365;
  static final int MAX_VALID_DAYS = 730;
  /** How often a token's last use is written: not on every request. */
  static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

  private static final SecureRandom RANDOM = new SecureRandom();

  private final ApiTokenRepository tokens;
  private final IdentityService identity;
  private final AuditLog audit;
  private final Clock clock;

  public ApiTokens(ApiTokenRepository tokens, IdentityService identity, AuditLog audit, Clock clock) {
    this.tokens = tokens;
    this.identity = identity;
    this.audit = audit;
    this.clock = clock;
  }

  /** A new token and its secret, which is not kept and cannot be shown again. */
  public record Issued(ApiToken token, String secret) {}

  /** What an administrator asks for; every field is checked and all problems are named at once. */
  public record Request(Object name, Object userId, Object scope, Object validDays) {}

  @Transactional
  public Issued issue(Request request, String issuer) {
    List<FieldProblem> problems = new ArrayList<>();
    String name = FieldRules.requiredText("name", request.name(), 100, problems);
    String userId = FieldRules.requiredText("userId", request.userId(), 64, problems);
    if (userId != null && identity.createUserQuery().userId(userId).count() == 0) {
      problems.add(new FieldProblem("userId", "exists", "must be an existing user (create it in Camunda Admin first)"));
    }
    ApiToken.Scope scope = request.scope() == null
        ? ApiToken.Scope.INTAKE
        : FieldRules.oneOf(ApiToken.Scope.class, "scope", request.scope(), problems);
    int validDays = validDays(request.validDays(), problems);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes());
    Instant now = clock.instant();
    ApiToken token = tokens.save(new ApiToken(name, userId, scope, hash(secret), hintOf(secret),
        issuer, now, now.plus(Duration.ofDays(validDays))));
    audit.record(AuditLog.Action.TOKEN_ISSUED, null, token.getHint() + " '" + name + "' for " + userId + ", " + scope);
    return new Issued(token, secret);
  }

  /** The token with this secret when it is neither expired nor revoked, and its user still exists. */
  @Transactional
  public Optional<ApiToken> authenticate(String secret) {
    Instant now = clock.instant();
    Optional<ApiToken> found = tokens.findByTokenHash(hash(secret))
        .filter(token -> token.isValidAt(now))
        .filter(token -> identity.createUserQuery().userId(token.getUserId()).count() > 0);
    found.filter(token -> token.getLastUsedAt() == null || token.getLastUsedAt().isBefore(now.minus(LAST_USED_PRECISION)))
        .ifPresent(token -> token.usedAt(now));
    return found;
  }

  @Transactional
  public ApiToken revoke(UUID id) {
    ApiToken token = tokens.findById(id).orElseThrow(() -> new NotFoundException("No API token " + id));
    if (token.getRevokedAt() == null) {
      token.revokedAt(clock.instant());
      audit.record(AuditLog.Action.TOKEN_REVOKED, null, token.getHint() + " '" + token.getName() + "'");
    }
    return token;
  }

  @Transactional(readOnly = true)
  public List<ApiToken> all() {
    return tokens.findAllByOrderByCreatedAtDesc();
  }

  /** The first characters of a presented token, to name it in the audit trail without revealing it. */
  static String hintOf(String secret) {
    return secret.length() <= PREFIX.length() + 4 ? "(short)" : secret.substring(0, PREFIX.length() + 4);
  }

  static String hash(String secret) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private static int validDays(Object value, List<FieldProblem> problems) {
    if (value == null) {
      return DEFAULT_VALID_DAYS;
    }
    try {
      int days = Integer.parseInt(value.toString().strip());
      if (days >= 1 && days <= MAX_VALID_DAYS) {
        return days;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(new FieldProblem("validDays", "range", "must be a whole number of days from 1 to " + MAX_VALID_DAYS));
    return DEFAULT_VALID_DAYS;
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}
