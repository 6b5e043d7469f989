package org.callbackladder.web;

import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** CSV for spreadsheets: fields quoted when they need to be, formulas neutralized. */
public final class Csv {

  public static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv");

  /** A CSV field, quoted when it needs to be; a leading = + - @ is neutralized for spreadsheets. */
  public static String field(String value) {
    if (value == null) {
      return "";
    }
    String safe = value.matches("^[=+\\-@].*") ? "'" + value : value;
    return safe.matches(".*[\",\r\n].*") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
  }

  /** A download: the header line, then the lines (RFC 4180 line ends), as {@code filename}. */
  public static ResponseEntity<String> download(String filename, String header, List<String> lines) {
    return ResponseEntity.ok()
        .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
        .contentType(TEXT_CSV)
        .body(header + "\r\n" + String.join("\r\n", lines) + (lines.isEmpty() ? "" : "\r\n"));
  }

  private Csv() {}
}
