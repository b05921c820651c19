package dev.lifeline.contact.profile;

import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * Two concurrent creates of the same person both find nothing and both insert; the unique index lets one win.
 * Running the loser once more turns it into the merge it should have been.
 */
public final class UniqueRetry {

    private static final String UNIQUE_VIOLATION = "23505";

    private UniqueRetry() {}

    public static <T> T once(Supplier<T> action) {
        try {
            return action.get();
        } catch (RuntimeException e) {
            if (isUniqueViolation(e)) {
                return action.get();
            }
            throw e;
        }
    }

    static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
