package org.callbackladder.contact;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One change of a patient number's consent or preferences: what, from what to what, where from, who, when. */
@Entity
@Table(name = "patient_contact_change")
public class PatientContactChange {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String phone;
  private String field;
  private String oldValue;
  private String newValue;
  private String source;
  private String changedBy;
  private Instant changedAt;

  protected PatientContactChange() {}

  PatientContactChange(String phone, String field, Object oldValue, Object newValue, String source, String by, Instant at) {
    this.phone = phone;
    this.field = field;
    this.oldValue = oldValue == null ? null : oldValue.toString();
    this.newValue = newValue == null ? null : newValue.toString();
    this.source = source;
    this.changedBy = by;
    this.changedAt = at;
  }

  public String getPhone() { return phone; }
  public String getField() { return field; }
  public String getOldValue() { return oldValue; }
  public String getNewValue() { return newValue; }
  public String getSource() { return source; }
  public String getChangedBy() { return changedBy; }
  public Instant getChangedAt() { return changedAt; }
}
