package dev.alchemy.orm.internal.flush;

import dev.alchemy.exc.AlchemyException;
import dev.alchemy.exc.DBAPIError;
import dev.alchemy.exc.DataError;
import dev.alchemy.exc.IntegrityError;
import dev.alchemy.exc.OperationalError;
import dev.alchemy.exc.ProgrammingError;

/** Adds the ORM's context (which model, which operation) to a database error, keeping its class, SQL and cause. */
public final class Errors {

    private Errors() {}

    public static AlchemyException withPrefix(AlchemyException e, String prefix) {
        if (!(e instanceof DBAPIError db)) {
            return e;
        }
        String reason = prefix + db.reason();
        Throwable cause = db.getCause();
        DBAPIError wrapped;
        if (db instanceof IntegrityError) {
            wrapped = new IntegrityError(reason, db.sql(), db.parameters(), cause);
        } else if (db instanceof OperationalError) {
            wrapped = new OperationalError(reason, db.sql(), db.parameters(), cause);
        } else if (db instanceof ProgrammingError) {
            wrapped = new ProgrammingError(reason, db.sql(), db.parameters(), cause);
        } else if (db instanceof DataError) {
            wrapped = new DataError(reason, db.sql(), db.parameters(), cause);
        } else {
            wrapped = new DBAPIError(reason, db.sql(), db.parameters(), cause);
        }
        wrapped.setStackTrace(db.getStackTrace());
        return wrapped;
    }
}
