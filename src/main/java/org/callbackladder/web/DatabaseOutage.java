package org.callbackladder.web;

import java.net.ConnectException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionException;

/**
 * Tells a failure caused by an unreachable database from other failures, whatever layer wrapped it.
 * A connection that breaks in the middle of a transaction often surfaces only as a failed rollback
 * ("connection is closed"); then the database itself is asked, once, whether it answers.
 */
@Component
public class DatabaseOutage {

  /** How long a client is asked to wait before sending a refused request again. */
  public static final int RETRY_AFTER_SECONDS = 30;
  private static final int PROBE_SECONDS = 2;

  private final DataSource database;

  public DatabaseOutage(DataSource database) {
    this.database = database;
  }

  public boolean explains(Throwable failure) {
    boolean databaseInvolved = false;
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
      databaseInvolved |= cause instanceof SQLException || cause instanceof DataAccessException
          || cause instanceof TransactionException;
    }
    return databaseInvolved && !answers();
  }

  private boolean answers() {
    try (Connection connection = database.getConnection()) {
      return connection.isValid(PROBE_SECONDS);
    } catch (SQLException unreachable) {
      return false;
    }
  }
}
