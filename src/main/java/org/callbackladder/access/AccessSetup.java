package org.callbackladder.access;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Map;
import org.callbackladder.CallbackProcess;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.BatchPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * The roles' groups and what each may do in Camunda, created when the engine starts, in every
 * profile. Idempotent: a restart adds nothing, and what a practice changes later in Admin stays
 * (a grant is only added where that group has none for that resource yet).
 *
 * <p>Tasklist filters: "My queue" (what may be worked now), "Assigned to me", "Later today / Scheduled", "Due today"
 * and "Overdue" for everyone who works calls, "Clinical" for the clinical team, "Needs a manager"
 * and "All open calls" for practice managers. Each shows the worklist line under a task.
 *
 * <p>Coordinators and the clinical team work the tasks of their own queues (Camunda grants a task's
 * candidate groups {@link #CANDIDATES}). Practice managers also read every task and hand
 * tasks over. Operations use Cockpit to watch and retry, and Admin to add accounts; they do not work
 * patient tasks. Why each grant exists: docs/adr/0001-access-model.md.
 */
@Component
public class AccessSetup extends AbstractProcessEnginePlugin {

  /**
   * What a task's candidates may do with it: work it (claim, complete) and release or hand it over
   * (TASK_ASSIGN, limited to the task's own queue by {@link EngineGuard}). Not UPDATE, Camunda's
   * default, which would let them set the task's variables. Camunda's setting takes one name only.
   */
  static final Permission CANDIDATES = new Permission() {
    @Override
    public String getName() {
      return "TASK_WORK_AND_ASSIGN";
    }

    @Override
    public int getValue() {
      return TaskPermissions.TASK_WORK.getValue() | TaskPermissions.TASK_ASSIGN.getValue();
    }

    @Override
    public Resource[] getTypes() {
      return new Resource[] {Resources.TASK};
    }
  };

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setDefaultUserPermissionForTask(CANDIDATES);
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    AuthorizationService authorizations = engine.getAuthorizationService();
    for (Groups.Role role : Groups.ROLES) {
      if (identity.createGroupQuery().groupId(role.groupId()).count() == 0) {
        Group group = identity.newGroup(role.groupId());
        group.setName(role.name());
        group.setType("WORKFLOW");
        identity.saveGroup(group);
      }
    }
    for (String group : Groups.STAFF) {
      grant(authorizations, group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      // staff enter requests by hand through "New callback request"; only the application starts a ladder
      grant(authorizations, group, Resources.PROCESS_DEFINITION, CallbackProcess.NEW_REQUEST_PROCESS_KEY,
          Permissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
      grant(authorizations, group, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
      upgrade(authorizations, group, Resources.PROCESS_DEFINITION, CallbackProcess.PROCESS_KEY,
          List.of(ProcessDefinitionPermissions.CREATE_INSTANCE), Permissions.READ);
    }
    // managers work the reviews the timers start; nobody starts one by hand
    for (String review : List.of(CallbackProcess.DAILY_REVIEW_PROCESS_KEY, CallbackProcess.WEEKLY_REVIEW_PROCESS_KEY)) {
      grant(authorizations, Groups.PRACTICE_MANAGERS, Resources.PROCESS_DEFINITION, review, Permissions.READ);
    }
    // managers read every task and hand one over to someone in its queue; candidates: CANDIDATES above
    grant(authorizations, Groups.PRACTICE_MANAGERS, Resources.TASK, "*",
        Permissions.READ, TaskPermissions.READ_VARIABLE, TaskPermissions.TASK_ASSIGN);
    // operations watch and repair: read instances, jobs, incidents and history, retry failed jobs; no
    // variables, no modification, migration, cancellation or messages (see docs/adr/0001-access-model.md)
    grant(authorizations, Groups.OPERATIONS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    upgrade(authorizations, Groups.OPERATIONS, Resources.PROCESS_DEFINITION, "*",
        List.of(ProcessDefinitionPermissions.UPDATE_INSTANCE),
        Permissions.READ, ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
        ProcessDefinitionPermissions.RETRY_JOB);
    upgrade(authorizations, Groups.OPERATIONS, Resources.PROCESS_INSTANCE, "*", List.of(Permissions.UPDATE),
        Permissions.READ, ProcessInstancePermissions.RETRY_JOB);
    grant(authorizations, Groups.OPERATIONS, Resources.DECISION_DEFINITION, "*", Permissions.READ);
    grant(authorizations, Groups.OPERATIONS, Resources.DEPLOYMENT, "*", Permissions.READ);
    upgrade(authorizations, Groups.OPERATIONS, Resources.BATCH, "*", List.of(Permissions.CREATE),
        Permissions.READ, BatchPermissions.CREATE_BATCH_SET_JOB_RETRIES);
    // Admin: operations add user accounts, which can do nothing until an administrator puts them in a
    // group. Memberships, changes to existing users and what groups may do stay with administrators.
    grant(authorizations, Groups.OPERATIONS, Resources.APPLICATION, "admin", Permissions.ACCESS);
    grant(authorizations, Groups.OPERATIONS, Resources.USER, "*", Permissions.READ, Permissions.CREATE);
    grant(authorizations, Groups.OPERATIONS, Resources.GROUP, "*", Permissions.READ);
    for (Groups.Role role : Groups.ROLES) {
      upgrade(authorizations, Groups.OPERATIONS, Resources.GROUP_MEMBERSHIP, role.groupId(),
          List.of(Permissions.CREATE, Permissions.DELETE));
    }
    TaskService tasks = engine.getTaskService();
    filter(engine, "My queue", null, 1, "What you may work now, most urgent first: due calls, returned calls and your group's tasks",
        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
            .followUpBeforeOrNotExistentExpression("${now()}").orderByTaskPriority().desc().orderByDueDate().asc(),
        Groups.STAFF);
    filter(engine, "Assigned to me", null, 2, "Tasks handed to you by name: a call a manager gave you, a notice",
        tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByTaskPriority().desc().orderByDueDate().asc(),
        Groups.STAFF);
    filter(engine, "Later today / Scheduled", null, 3,
        "Calls whose patient may not be called yet (their day, their wishes): each moves to My queue at its time",
        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
            .followUpAfterExpression("${now()}").orderByFollowUpDate().asc(), Groups.STAFF);
    filter(engine, "Due today", null, 4, "Due before midnight",
        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
            .dueBeforeExpression("${dateTime().withTimeAtStartOfDay().plusDays(1)}").orderByDueDate().asc(), Groups.STAFF);
    filter(engine, "Overdue", null, 5, "Past their due date",
        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
            .dueBeforeExpression("${now()}").orderByDueDate().asc(), Groups.STAFF);
    filter(engine, "Clinical", null, 6, "Urgent clinical callbacks first, then clinical reviews by due date",
        tasks.createTaskQuery().taskCandidateGroup(Groups.CLINICAL_TEAM).includeAssignedTasks().orderByTaskPriority().desc()
            .orderByDueDate().asc(),
        List.of(Groups.CLINICAL_TEAM));
    filter(engine, "Needs a manager", "Exceptions", 7,
        "Late first callbacks, numbers to find, requests with no time to call, unaccepted clinical hand-offs and exception reviews",
        tasks.createTaskQuery().taskDefinitionKeyIn(CallbackProcess.TASK_UNACCEPTED_CLINICAL_HAND_OFF,
                CallbackProcess.TASK_EXCEPTION_REVIEW, CallbackProcess.TASK_REVIEW_LATE_CALLBACK,
                CallbackProcess.TASK_RESOLVE_CALLING_WINDOW, CallbackProcess.TASK_FIND_ANOTHER_NUMBER)
            .orderByTaskPriority().desc().orderByTaskCreateTime().asc(), List.of(Groups.PRACTICE_MANAGERS));
    filter(engine, "All open calls", null, 8, "Every queue's calls, whoever works them, most urgent first",
        tasks.createTaskQuery().taskDefinitionKeyIn(CallbackProcess.TASK_CALL_PATIENT, CallbackProcess.TASK_PATIENT_RETURNED_CALL)
            .orderByTaskPriority().desc().orderByDueDate().asc(), List.of(Groups.PRACTICE_MANAGERS));
  }

  /** What each filter shows under a task in the list: the worklist line (reason, attempt, the patient's day). */
  private static final List<Map<String, String>> LIST_VARIABLES =
      List.of(Map.of("name", CallbackProcess.WORKLIST_LINE, "label", "Call"));

  /**
   * A Tasklist filter shown to the given groups, by name (or the name an earlier version gave it):
   * created, or brought up to date after an upgrade.
   */
  private static void filter(ProcessEngine engine, String name, String formerName, int order, String description,
      TaskQuery query, List<String> groups) {
    FilterService filters = engine.getFilterService();
    Filter existing = filters.createFilterQuery().filterName(name).singleResult();
    if (existing == null && formerName != null) {
      existing = filters.createFilterQuery().filterName(formerName).singleResult();
    }
    Filter filter = (existing == null ? filters.newTaskFilter(name) : existing.setName(name))
        .setQuery(query)
        .setProperties(Map.of("description", description, "priority", order, "refresh", true, "variables", LIST_VARIABLES));
    filters.saveFilter(filter);
    for (String group : groups) {
      grant(engine.getAuthorizationService(), group, Resources.FILTER, filter.getId(), Permissions.READ);
    }
  }

  /**
   * Like {@link #grant}, and takes back permissions an earlier version of the product gave the group
   * and no longer does: a grant still holding one of them is set to what the product gives now (and
   * removed if that is nothing), so an upgraded installation ends up with a new one's grants.
   */
  private static void upgrade(AuthorizationService authorizations, String group, Resource resource, String resourceId,
      List<Permission> retired, Permission... permissions) {
    for (Authorization old : authorizations.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT).groupIdIn(group).resourceType(resource).resourceId(resourceId).list()) {
      if (retired.stream().anyMatch(old::isPermissionGranted)) {
        authorizations.deleteAuthorization(old.getId());
      }
    }
    if (permissions.length > 0) {
      grant(authorizations, group, resource, resourceId, permissions);
    }
  }

  private static void grant(
      AuthorizationService authorizations, String group, Resource resource, String resourceId, Permission... permissions) {
    boolean exists = authorizations.createAuthorizationQuery()
        .groupIdIn(group).resourceType(resource).resourceId(resourceId).count() > 0;
    if (exists) {
      return;
    }
    Authorization grant = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
    grant.setGroupId(group);
    grant.setResource(resource);
    grant.setResourceId(resourceId);
    for (Permission permission : permissions) {
      grant.addPermission(permission);
    }
    authorizations.saveAuthorization(grant);
  }
}
