package org.callbackladder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

/**
 * What a task's form shows, as one JSON task variable: {@value #VARIABLE}. Tasklist hands a JSON
 * variable to Camunda Forms as an object, and the forms bind its fields through a group with the
 * path {@code sheet}. One variable instead of one per field: every variable is a runtime row, a
 * history row and a history-detail row on each write (docs/stack-notes.md has the figures).
 */
public final class TaskSheet {

  public static final String VARIABLE = "sheet";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Puts the sheet on a task, replacing the one it had. */
  public static void put(DelegateTask task, Map<String, ?> fields) {
    task.setVariableLocal(VARIABLE, value(fields));
  }

  /** Adds or replaces fields on an open task's sheet; the others stay. */
  public static void update(TaskService tasks, String taskId, Map<String, ?> fields) {
    Map<String, Object> sheet = read(tasks.getVariableLocalTyped(taskId, VARIABLE, false));
    sheet.putAll(fields);
    tasks.setVariableLocal(taskId, VARIABLE, value(sheet));
  }

  /** The same from the task's own listener, which runs with the rights of whoever acts on the task. */
  public static void update(DelegateTask task, Map<String, ?> fields) {
    Map<String, Object> sheet = read(task.<SerializableValue>getVariableLocalTyped(VARIABLE, false));
    sheet.putAll(fields);
    task.setVariableLocal(VARIABLE, value(sheet));
  }

  /** The fields of an open task's sheet; empty when it has none. */
  public static Map<String, Object> read(TaskService tasks, String taskId) {
    return read(tasks.getVariableLocalTyped(taskId, VARIABLE, false));
  }

  private static Map<String, Object> read(SerializableValue value) {
    if (value == null || value.getValueSerialized() == null) {
      return new LinkedHashMap<>();
    }
    try {
      return JSON.readValue(value.getValueSerialized(), new TypeReference<LinkedHashMap<String, Object>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A task's sheet is not JSON", e);
    }
  }

  static JsonValue value(Map<String, ?> fields) {
    try {
      return SpinValues.jsonValue(JSON.writeValueAsString(fields)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("A sheet holds text, numbers and lists only", e);
    }
  }

  private TaskSheet() {}
}
