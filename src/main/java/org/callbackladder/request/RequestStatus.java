package org.callbackladder.request;

public enum RequestStatus {
  /** Received and routed; no attempt documented yet. */
  OPEN,
  /** At least one attempt documented. */
  IN_PROGRESS,
  /** A clinical hand-off or an exception review is open: a clinician or a manager has it. */
  ESCALATED,
  CLOSED
}
