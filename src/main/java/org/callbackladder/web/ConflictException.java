package org.callbackladder.web;

public class ConflictException extends RuntimeException {

  public ConflictException(String message) {
    super(message);
  }
}
