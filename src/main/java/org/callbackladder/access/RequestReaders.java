package org.callbackladder.access;

import jakarta.persistence.criteria.Subquery;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.callbackladder.attempt.CallAttempt;
import org.callbackladder.attempt.CallAttemptRepository;
import org.callbackladder.request.CallbackRequest;
import org.callbackladder.request.Screening;
import org.callbackladder.web.ForbiddenException;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * The one place that decides which callback requests a signed-in person may read, for every
 * endpoint that shows patient data. Practice managers and administrators read all; coordinators,
 * referral coordinators and the clinical team read the requests routed to their own queues and the
 * ones they made a call for; the clinical team also reads every request red-flag screening flagged. Everyone else (operations, an integration's user in no staff group, an
 * INTAKE token whoever its user) reads none. The same rule as Tasklist's: a task is seen by its queue.
 */
@Component
public class RequestReaders {

  static final String NO_READER = "Callback requests are read by the practice's staff";
  private static final Set<String> READ_ALL = Set.of(Groups.PRACTICE_MANAGERS, Groups.ADMINS);

  private final CallAttemptRepository attempts;

  public RequestReaders(CallAttemptRepository attempts) {
    this.attempts = attempts;
  }

  /** What one person may read. */
  public record Scope(String userId, Set<String> queues, boolean everything) {

    /** Licensed staff: they read every flagged request, whichever queue it has or will have. */
    boolean clinical() {
      return queues.contains(Groups.CLINICAL_TEAM);
    }

    /**
     * Which red-flag rule matched a request is for the clinical team, managers and administrators; a
     * coordinator reading a request of their queue sees that it was flagged and the clinicians' note.
     */
    public boolean seesClinicalDetail() {
      return everything || clinical();
    }

    /** The same rule as a search criterion: null when every request is covered. */
    public Specification<CallbackRequest> criterion() {
      if (everything) {
        return null;
      }
      return (root, query, cb) -> {
        Subquery<Long> call = query.subquery(Long.class);
        var attempt = call.from(CallAttempt.class);
        call.select(attempt.get("id")).where(
            cb.equal(attempt.get("callbackRequestId"), root.get("id")), cb.equal(attempt.get("agent"), userId));
        var covered = queues.isEmpty() ? cb.exists(call) : cb.or(root.get("queue").in(queues), cb.exists(call));
        return clinical() ? cb.or(covered, cb.notEqual(root.get("screening"), Screening.Level.NONE)) : covered;
      };
    }
  }

  /** The person's scope; refuses (403) someone who reads no requests at all. */
  public Scope scopeOf(Authentication user) {
    return scope(user).orElseThrow(() -> new ForbiddenException(NO_READER));
  }

  /** Whether the scope covers the request: everything, one of its queues, or a call they made on it. */
  public boolean covers(Scope scope, CallbackRequest request) {
    // a request handed to the clinical team at intake has no queue yet
    return scope.everything() || (request.getQueue() != null && scope.queues().contains(request.getQueue()))
        || (scope.clinical() && request.getScreening() != Screening.Level.NONE)
        || attempts.existsByCallbackRequestIdAndAgent(request.getId(), scope.userId());
  }

  /** Whether the person may read this request at all. */
  public boolean mayRead(Authentication user, CallbackRequest request) {
    return scope(user).map(scope -> covers(scope, request)).orElse(false);
  }

  /** The same for a person known to the engine (a Tasklist user), by user id and groups. */
  public boolean mayRead(String userId, Collection<String> groups, CallbackRequest request) {
    return scope(userId, Set.copyOf(groups)).map(scope -> covers(scope, request)).orElse(false);
  }

  /** The practice's staff (any queue, managers) and administrators, as opposed to integrations and operations. */
  public boolean isStaff(Authentication user) {
    return scope(user).isPresent();
  }

  private Optional<Scope> scope(Authentication user) {
    return scope(user == null ? null : user.getName(), authorities(user));
  }

  private Optional<Scope> scope(String userId, Set<String> groups) {
    if (groups.contains(Groups.INTAKE_TOKEN)) {
      return Optional.empty();
    }
    if (groups.stream().anyMatch(READ_ALL::contains)) {
      return Optional.of(new Scope(userId, Set.of(), true));
    }
    Set<String> queues = groups.stream().filter(Groups.STAFF::contains).collect(Collectors.toUnmodifiableSet());
    return queues.isEmpty() ? Optional.empty() : Optional.of(new Scope(userId, queues, false));
  }

  private static Set<String> authorities(Authentication user) {
    return user == null ? Set.of()
        : user.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
  }
}
