package org.callbackladder.web;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Tells an unreachable database from other failures, whatever layer wrapped the exception. */
public final class DatabaseOutage {

  /** How long a client is asked to wait before sending a refused request again. */
  public static final int RETRY_AFTER_SECONDS = 30;

  public static boolean causedBy(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof CannotCreateTransactionException
          || cause instanceof DataAccessResourceFailureException
          || cause instanceof SQLTransientConnectionException
          || cause instanceof SQLNonTransientConnectionException
          || cause instanceof ConnectException
          // SQLSTATE class 08: connection exception; 57P01-57P03: the server is shutting down or starting
          || cause instanceof SQLException sql && sql.getSQLState() != null
              && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
        return true;
      }
    }
    return false;
  }

  private DatabaseOutage() {}
}
