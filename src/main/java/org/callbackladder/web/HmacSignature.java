package org.callbackladder.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of the project's signed webhooks, both ways (a phone system calling in, the ladder
 * calling a patient portal): {@code sha256=<hex>}, the HMAC-SHA256 of {@code <timestamp>.<raw body>}
 * keyed with a shared secret, the timestamp in Unix seconds.
 */
public final class HmacSignature {

  public static final String SIGNATURE_HEADER = "X-Callback-Signature";
  public static final String TIMESTAMP_HEADER = "X-Callback-Timestamp";

  private HmacSignature() {}

  /** The {@link #SIGNATURE_HEADER} value: {@code sha256=} and the signature. */
  public static String headerValue(String secret, String timestamp, byte[] body) {
    return "sha256=" + sign(secret, timestamp, body);
  }

  /** Lower-case hex HMAC-SHA256 of {@code timestamp + "." + body}. */
  public static String sign(String secret, String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
