package org.callbackladder.request;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.util.UUID;
import org.springframework.data.domain.Persistable;

/**
 * Marks the one open request of a patient's phone number. Always inserted, never merged: a second
 * insert for the same number fails on the primary key, which is what makes intake race-safe.
 */
@Entity
@Table(name = "open_callback")
public class OpenCallback implements Persistable<String> {

  @Id private String patientPhone;
  private UUID callbackRequestId;

  @Transient private boolean isNew;

  protected OpenCallback() {}

  public OpenCallback(String patientPhone, UUID callbackRequestId) {
    this.patientPhone = patientPhone;
    this.callbackRequestId = callbackRequestId;
    this.isNew = true;
  }

  @Override
  public String getId() {
    return patientPhone;
  }

  @Override
  public boolean isNew() {
    return isNew;
  }

  public UUID getCallbackRequestId() {
    return callbackRequestId;
  }
}
