package org.callbackladder.web;

/** A webhook call that is not provably from the phone system: answered 403, nothing stored. */
public class WebhookRejectedException extends RuntimeException {

  public WebhookRejectedException(String message) {
    super(message);
  }
}
