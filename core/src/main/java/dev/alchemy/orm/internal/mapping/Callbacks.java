package dev.alchemy.orm.internal.mapping;

import dev.alchemy.engine.Connection;
import dev.alchemy.exc.MappingError;
import dev.alchemy.orm.AfterDelete;
import dev.alchemy.orm.AfterInsert;
import dev.alchemy.orm.AfterLoad;
import dev.alchemy.orm.AfterRefresh;
import dev.alchemy.orm.AfterUpdate;
import dev.alchemy.orm.BeforeDelete;
import dev.alchemy.orm.BeforeInsert;
import dev.alchemy.orm.BeforeUpdate;
import dev.alchemy.orm.MapperEvents;
import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A model's annotated callback methods ({@link BeforeInsert}, {@link AfterLoad}, ...) as a {@link MapperEvents}:
 * found once per class, superclasses' methods first, each called through a method handle.
 */
final class Callbacks implements MapperEvents<Object> {

    private static final List<Class<? extends Annotation>> KINDS = List.of(
            BeforeInsert.class,
            AfterInsert.class,
            BeforeUpdate.class,
            AfterUpdate.class,
            BeforeDelete.class,
            AfterDelete.class,
            AfterLoad.class,
            AfterRefresh.class);

    private static final ClassValue<@Nullable Callbacks> CALLBACKS = new ClassValue<>() {
        @Override
        protected @Nullable Callbacks computeValue(Class<?> type) {
            return find(type);
        }
    };

    /** Per kind (the index in {@link #KINDS}), the methods, each {@code (Object, Connection)void}. */
    private final MethodHandle[][] handles;

    private Callbacks(MethodHandle[][] handles) {
        this.handles = handles;
    }

    /**
     * @param type a model class
     * @return its annotated methods, or null when it has none
     * @throws MappingError naming a method whose signature does not fit
     */
    static @Nullable Callbacks of(Class<?> type) {
        return CALLBACKS.get(type);
    }

    private static @Nullable Callbacks find(Class<?> type) {
        List<Class<?>> hierarchy = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            hierarchy.add(0, c);
        }
        MethodHandle[][] handles = new MethodHandle[KINDS.size()][];
        boolean any = false;
        for (int k = 0; k < KINDS.size(); k++) {
            List<MethodHandle> found = new ArrayList<>();
            for (Class<?> c : hierarchy) {
                for (Method m : c.getDeclaredMethods()) {
                    if (m.isAnnotationPresent(KINDS.get(k)) && !overridden(m, type)) {
                        found.add(handle(m, KINDS.get(k), k < 6));
                    }
                }
            }
            handles[k] = found.toArray(MethodHandle[]::new);
            any |= !found.isEmpty();
        }
        return any ? new Callbacks(handles) : null;
    }

    /** A method a subclass overrides is called once, as the override (which carries its own annotation or not). */
    private static boolean overridden(Method m, Class<?> type) {
        if (Modifier.isPrivate(m.getModifiers()) || m.getDeclaringClass() == type) {
            return false;
        }
        for (Class<?> c = type; c != m.getDeclaringClass(); c = c.getSuperclass()) {
            try {
                c.getDeclaredMethod(m.getName(), m.getParameterTypes());
                return true;
            } catch (NoSuchMethodException e) {
                // not here
            }
        }
        return false;
    }

    private static MethodHandle handle(Method m, Class<? extends Annotation> kind, boolean connectionAllowed) {
        String where =
                "@" + kind.getSimpleName() + " method " + m.getDeclaringClass().getName() + "." + m.getName();
        Class<?>[] params = m.getParameterTypes();
        boolean withConnection = params.length == 1 && params[0] == Connection.class && connectionAllowed;
        if (Modifier.isStatic(m.getModifiers())
                || m.getReturnType() != void.class
                || (params.length != 0 && !withConnection)) {
            throw new MappingError(where + ": a callback is an instance method that returns void and takes no "
                    + "parameter" + (connectionAllowed ? " or a dev.alchemy.engine.Connection" : ""));
        }
        for (Class<?> thrown : m.getExceptionTypes()) {
            if (!RuntimeException.class.isAssignableFrom(thrown) && !Error.class.isAssignableFrom(thrown)) {
                throw new MappingError(where + " declares the checked exception " + thrown.getName()
                        + "; a callback may throw unchecked exceptions only");
            }
        }
        try {
            m.setAccessible(true);
            MethodHandle h = MethodHandles.lookup().unreflect(m);
            if (!withConnection) {
                h = MethodHandles.dropArguments(h, 1, Connection.class);
            }
            return h.asType(MethodType.methodType(void.class, Object.class, Connection.class));
        } catch (IllegalAccessException | RuntimeException e) {
            throw new MappingError(where + " cannot be called: " + e.getMessage(), e);
        }
    }

    private void call(int kind, @Nullable Connection connection, Object target) {
        for (MethodHandle h : handles[kind]) {
            try {
                h.invokeExact(target, connection);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e); // unreachable: checked exceptions are refused at mapping
            }
        }
    }

    @Override
    public void beforeInsert(Connection connection, Object target) {
        call(0, connection, target);
    }

    @Override
    public void afterInsert(Connection connection, Object target) {
        call(1, connection, target);
    }

    @Override
    public void beforeUpdate(Connection connection, Object target) {
        call(2, connection, target);
    }

    @Override
    public void afterUpdate(Connection connection, Object target) {
        call(3, connection, target);
    }

    @Override
    public void beforeDelete(Connection connection, Object target) {
        call(4, connection, target);
    }

    @Override
    public void afterDelete(Connection connection, Object target) {
        call(5, connection, target);
    }

    @Override
    public void load(Object target) {
        call(6, null, target);
    }

    @Override
    public void refresh(Object target) {
        call(7, null, target);
    }
}
