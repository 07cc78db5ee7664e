package dev.alchemy.orm.internal.loading;

import dev.alchemy.orm.EntitySelect;
import dev.alchemy.orm.internal.mapping.Attribute;
import dev.alchemy.orm.internal.mapping.IdentityKey;
import dev.alchemy.orm.internal.mapping.Mapper;
import dev.alchemy.sql.BindParam;
import dev.alchemy.sql.ColumnElement;
import dev.alchemy.types.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The SELECTs of one object by its primary key: {@code get}, {@code refresh}, re-attached objects' reads. */
public final class KeyedSelects {

    /** The bound parameter of {@link #byKeyTemplate}. */
    private static final String KEY_PARAMETER = "pk_1";

    /**
     * Per class with a single-column key, {@code SELECT ... WHERE key = :pk_1} built once, so that {@code get} compiles
     * nothing (the select keeps its compilation) and the connection reuses its prepared statement.
     */
    private static final ClassValue<EntitySelect<?>> BY_KEY = new ClassValue<>() {
        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        protected EntitySelect<?> computeValue(Class<?> type) {
            Mapper<?> mapper = Mapper.of(type);
            Attribute pk = mapper.primaryKey[0];
            ColumnElement<Boolean> condition = mapper.column(pk).eq((ColumnElement) BindParam.required(
                    KEY_PARAMETER, (SqlType) mapper.column(pk).type()));
            return EntitySelect.of(mapper.type).where(condition);
        }
    };

    private KeyedSelects() {}

    /**
     * @param mapper a class with a single-column primary key
     * @return the SELECT of one of its objects by key; bind it with {@link #parameters}
     */
    @SuppressWarnings("unchecked")
    public static <T> EntitySelect<T> byKeyTemplate(Mapper<T> mapper) {
        return (EntitySelect<T>) BY_KEY.get(mapper.type);
    }

    /**
     * @param key an identity key of a class with a single-column primary key
     * @return the parameters of {@link #byKeyTemplate} for that key
     */
    public static Map<String, ?> parameters(IdentityKey key) {
        return Map.of(KEY_PARAMETER, key.id());
    }

    /**
     * @param mapper a class
     * @param key the identity key of one of its objects
     * @return the SELECT of that object, its key values in the statement
     */
    public static <T> EntitySelect<T> byPrimaryKey(Mapper<T> mapper, IdentityKey key) {
        Attribute[] pk = mapper.primaryKey;
        List<ColumnElement<Boolean>> conditions = new ArrayList<>();
        for (int i = 0; i < pk.length; i++) {
            Object value = pk.length == 1 ? key.id() : ((List<?>) key.id()).get(i);
            conditions.add(mapper.column(pk[i]).eq(value));
        }
        @SuppressWarnings("unchecked")
        ColumnElement<Boolean>[] array = conditions.toArray(ColumnElement[]::new);
        return EntitySelect.of(mapper.type).where(array);
    }
}
