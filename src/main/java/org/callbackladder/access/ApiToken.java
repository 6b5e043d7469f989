package org.callbackladder.access;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A token an integration signs in with ({@code Authorization: Bearer ...}). It acts as a Camunda
 * user; the token itself is never stored, only its SHA-256 hash and its first characters as a hint.
 */
@Entity
@Table(name = "api_token")
public class ApiToken {

  /** What a token may do. */
  public enum Scope {
    /** Only hand in new callback requests ({@code POST /api/callbacks}): web forms, the portal, referrals. */
    INTAKE,
    /** Everything its user may do, in the API and engine-rest. */
    FULL
  }

  @Id private UUID id;
  private String name;
  private String userId;

  @Enumerated(EnumType.STRING)
  private Scope scope;

  private String tokenHash;
  private String hint;
  private String createdBy;
  private Instant createdAt;
  private Instant expiresAt;
  private Instant lastUsedAt;
  private Instant revokedAt;

  protected ApiToken() {}

  ApiToken(String name, String userId, Scope scope, String tokenHash, String hint, String createdBy,
      Instant createdAt, Instant expiresAt) {
    this.id = UUID.randomUUID();
    this.name = name;
    this.userId = userId;
    this.scope = scope;
    this.tokenHash = tokenHash;
    this.hint = hint;
    this.createdBy = createdBy;
    this.createdAt = createdAt;
    this.expiresAt = expiresAt;
  }

  boolean isValidAt(Instant now) {
    return revokedAt == null && now.isBefore(expiresAt);
  }

  void usedAt(Instant now) {
    lastUsedAt = now;
  }

  void revokedAt(Instant now) {
    if (revokedAt == null) {
      revokedAt = now;
    }
  }

  public UUID getId() { return id; }
  public String getName() { return name; }
  public String getUserId() { return userId; }
  public Scope getScope() { return scope; }
  public String getHint() { return hint; }
  public String getCreatedBy() { return createdBy; }
  public Instant getCreatedAt() { return createdAt; }
  public Instant getExpiresAt() { return expiresAt; }
  public Instant getLastUsedAt() { return lastUsedAt; }
  public Instant getRevokedAt() { return revokedAt; }
}
