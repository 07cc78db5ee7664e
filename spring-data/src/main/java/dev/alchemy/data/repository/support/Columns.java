package dev.alchemy.data.repository.support;

import dev.alchemy.Alchemy;
import dev.alchemy.exc.AlchemyException;
import dev.alchemy.sql.ColumnElement;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/** Columns of mapped attributes by name, with Spring's exception when the name is unknown. */
final class Columns {

    private Columns() {}

    static ColumnElement<Object> of(Class<?> type, String attribute) {
        try {
            return Alchemy.column(type, attribute);
        } catch (AlchemyException e) {
            throw new InvalidDataAccessApiUsageException(e.getMessage(), e);
        }
    }

    /** The name of the column an attribute maps to. */
    static String name(Class<?> type, String attribute) {
        return ((dev.alchemy.schema.Column<?>) of(type, attribute)).name();
    }
}
