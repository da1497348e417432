package io.openbss.gateway.identity;

import io.vertx.pgclient.PgException;

/** Tells which database constraint a failed write broke, so that a lost race is answered like the check it raced. */
public final class Constraints {

    private Constraints() {
    }

    public static boolean violated(Throwable failure, String constraint) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PgException pg && constraint.equalsIgnoreCase(pg.getConstraint())) {
                return true;
            }
        }
        return false;
    }
}
