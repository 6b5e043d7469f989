package org.callbackladder.support;

import java.util.concurrent.atomic.AtomicInteger;

/** A new patient phone number for every request a test makes, so tests do not merge into each other. */
public final class Phones {

  private static final AtomicInteger NEXT = new AtomicInteger(2000);

  /** A valid New York number in E.164 (the practice's own time zone), e.g. +12125552000. */
  public static String next() {
    return "+1212555" + NEXT.getAndIncrement();
  }

  /** The same number as a coordinator reads it, e.g. +1 212-555-2000. */
  public static String dialled(String e164) {
    return "+1 212-555-" + e164.substring(8);
  }

  /** The same number as a patient writes it at home, e.g. (212) 555-2000. */
  public static String national(String e164) {
    return "(212) 555-" + e164.substring(8);
  }

  private Phones() {}
}
