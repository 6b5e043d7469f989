package org.callbackladder.request;

public enum RequestStatus {
  /** Received and routed; no attempt documented yet. */
  OPEN,
  /** At least one attempt documented. */
  IN_PROGRESS,
  CLOSED
}
