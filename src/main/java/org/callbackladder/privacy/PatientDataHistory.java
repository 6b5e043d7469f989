package org.callbackladder.privacy;

import java.time.Period;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Keeps patient data out of Camunda's history. Forms need the patient's name, number and words
 * while a task is open, so they are process or task variables then; the history tables keep only
 * that those variables existed, never their values. The record of the request lives in the
 * project's own tables. Which variables count as patient data is configuration
 * ({@code callback.privacy.patient-data-variables}).
 */
@Component
public class PatientDataHistory extends AbstractProcessEnginePlugin {

  private final Set<String> patientData;

  public PatientDataHistory(Settings settings) {
    this.patientData = Set.copyOf(settings.patientDataVariables());
  }

  /**
   * Wraps the handler the engine built (its database handler and the custom ones, such as the one
   * that publishes history events to Spring), so every one of them sees the masked event.
   */
  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHistoryEventHandler(new Masking(configuration.getHistoryEventHandler(), patientData));
  }

  /**
   * {@code callback.privacy.*}: which variables are patient data, how long the project's records
   * of closed requests are kept, and when expired ones are removed.
   */
  @ConfigurationProperties("callback.privacy")
  public record Settings(List<String> patientDataVariables, Period retention, String purgeCron) {

    public Settings {
      patientDataVariables = patientDataVariables == null ? List.of() : List.copyOf(patientDataVariables);
      retention = retention == null ? Period.ofYears(6) : retention;
    }
  }

  /** Blanks the values of patient-data variables, then lets Camunda write the event as usual. */
  static final class Masking implements HistoryEventHandler {

    private final HistoryEventHandler next;
    private final Set<String> patientData;

    Masking(HistoryEventHandler next, Set<String> patientData) {
      this.next = next;
      this.patientData = patientData;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
      mask(event);
      next.handleEvent(event);
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      events.forEach(this::mask);
      next.handleEvents(events);
    }

    private void mask(HistoryEvent event) {
      if (event instanceof HistoricVariableUpdateEventEntity variable && patientData.contains(variable.getVariableName())) {
        variable.setTextValue(null);
        variable.setTextValue2(null);
        variable.setByteValue(null);
        variable.setLongValue(null);
        variable.setDoubleValue(null);
      } else if (event instanceof HistoricFormPropertyEventEntity field && patientData.contains(field.getPropertyId())) {
        field.setPropertyValue(null);
      }
    }
  }
}
