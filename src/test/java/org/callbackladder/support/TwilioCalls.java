package org.callbackladder.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Twilio's call-status callbacks as Twilio sends and signs them. */
public final class TwilioCalls {

  /** An inbound call's status callback. */
  public static Map<String, String> call(String sid, String from, String status) {
    Map<String, String> call = new LinkedHashMap<>();
    call.put("AccountSid", "AC123");
    call.put("CallSid", sid);
    call.put("From", from);
    call.put("To", "+14155550100");
    call.put("CallStatus", status);
    call.put("Direction", "inbound");
    call.put("ApiVersion", "2010-04-01");
    return call;
  }

  /** Twilio's documented algorithm: base64(HMAC-SHA1(token, url + each name and value, by name)). */
  public static String sign(String token, String url, Map<String, String> params) {
    StringBuilder data = new StringBuilder(url);
    new TreeMap<>(params).forEach((name, value) -> data.append(name).append(value));
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private TwilioCalls() {}
}
