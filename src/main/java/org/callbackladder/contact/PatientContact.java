package org.callbackladder.contact;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * What one patient number agreed to: texts (granted or not, from where, when, by whom; and when it
 * opted out), voicemails, email, portal messages; and what the patient asked for (HIPAA 164.522(b)). Kept per E.164 number, across requests; every change is written to
 * {@code patient_contact_change} by {@link PatientContacts}.
 */
@Entity
@Table(name = "patient_contact")
public class PatientContact {

  /** What a voicemail on this number may say. */
  public enum Voicemail { ALLOWED, MINIMAL_ONLY, NOT_ALLOWED }

  @Id private String phone;
  private Boolean textConsent;
  private String textConsentSource;
  private Instant textConsentAt;
  private String textConsentBy;
  private Instant optedOutAt;

  @Enumerated(EnumType.STRING)
  private Voicemail voicemail = Voicemail.MINIMAL_ONLY;

  private Boolean emailConsent;
  private Boolean portalConsent;
  private boolean thisNumberOnly;
  private boolean textOnly;
  private boolean notDuringWorkHours;
  private String messageNumber;
  private String messageEmail;

  @Version private long version;

  protected PatientContact() {}

  PatientContact(String phone) {
    this.phone = phone;
  }

  /**
   * A yes or no to texts. A no that takes back a yes, or a STOP, is an opt-out, dated; a first no
   * on a form is only a no.
   */
  void textConsent(boolean granted, String source, String by, Instant at, boolean keyword) {
    boolean revoked = !granted && (keyword || Boolean.TRUE.equals(textConsent));
    textConsent = granted;
    textConsentSource = source;
    textConsentBy = by;
    textConsentAt = at;
    optedOutAt = granted ? null : revoked ? at : optedOutAt;
  }

  void voicemail(Voicemail preference) {
    voicemail = preference;
  }

  void emailConsent(Boolean granted) {
    emailConsent = granted;
  }

  void portalConsent(Boolean granted) {
    portalConsent = granted;
  }

  void thisNumberOnly(boolean only) {
    thisNumberOnly = only;
  }

  void textOnly(boolean only) {
    textOnly = only;
  }

  void notDuringWorkHours(boolean not) {
    notDuringWorkHours = not;
  }

  void messageNumber(String number) {
    messageNumber = number;
  }

  void messageEmail(String email) {
    messageEmail = email;
  }

  /** Texts may go to this number: the patient said yes and has not opted out since. */
  public boolean textsAllowed() {
    return Boolean.TRUE.equals(textConsent);
  }

  public String getPhone() { return phone; }
  public Boolean getTextConsent() { return textConsent; }
  public String getTextConsentSource() { return textConsentSource; }
  public Instant getTextConsentAt() { return textConsentAt; }
  public String getTextConsentBy() { return textConsentBy; }
  public Instant getOptedOutAt() { return optedOutAt; }
  public Voicemail getVoicemail() { return voicemail; }
  public Boolean getEmailConsent() { return emailConsent; }
  public Boolean getPortalConsent() { return portalConsent; }
  public boolean isThisNumberOnly() { return thisNumberOnly; }
  public boolean isTextOnly() { return textOnly; }
  public boolean isNotDuringWorkHours() { return notDuringWorkHours; }
  public String getMessageNumber() { return messageNumber; }
  public String getMessageEmail() { return messageEmail; }
}
