package org.callbackladder.web;

/** The request is well formed but the record's state does not allow it now: a 409 problem. */
public class ConflictException extends RuntimeException {

  public ConflictException(String message) {
    super(message);
  }
}
