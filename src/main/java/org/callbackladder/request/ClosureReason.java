package org.callbackladder.request;

/** Every request ends with one of these. */
public enum ClosureReason {
  BOOKED,
  ROUTED,
  RESOLVED,
  WRONG_NUMBER,
  DECLINED,
  UNREACHABLE
}
