package org.callbackladder.web;

/** Signed in, but not allowed: answered 403. */
public class ForbiddenException extends RuntimeException {

  public ForbiddenException(String message) {
    super(message);
  }
}
