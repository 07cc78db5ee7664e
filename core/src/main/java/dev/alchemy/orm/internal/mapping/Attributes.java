package dev.alchemy.orm.internal.mapping;

import dev.alchemy.exc.ArgumentError;
import dev.alchemy.orm.Getter;
import dev.alchemy.schema.Column;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Resolves a getter method reference ({@code User::getName}) to its mapped column, once per call site: each method
 * reference compiles to its own class, so the result is cached per class.
 */
public final class Attributes {

    /**
     * Per method-reference class, the column it resolved to. A {@link ClassValue}, not a map, so that the lambda
     * classes (and their class loaders, say a web application's) are not held for ever; the holder is filled on first
     * use, since resolving needs the instance.
     */
    private static final ClassValue<AtomicReference<Column<?>>> CACHE = new ClassValue<>() {
        @Override
        protected AtomicReference<Column<?>> computeValue(Class<?> type) {
            return new AtomicReference<>();
        }
    };

    private Attributes() {}

    /**
     * @param getter a method reference to a mapped class's getter
     * @param <T> the class
     * @param <R> the attribute's type
     * @return the attribute's column in the class's table
     * @throws ArgumentError when the reference is not a getter of a mapped attribute
     */
    @SuppressWarnings("unchecked")
    public static <T, R> Column<R> column(Getter<T, R> getter) {
        AtomicReference<Column<?>> holder = CACHE.get(getter.getClass());
        Column<?> column = holder.get();
        if (column == null) {
            column = resolve(getter);
            holder.set(column);
        }
        return (Column<R>) column;
    }

    /**
     * @param type a mapped class
     * @param attribute a field name
     * @return its column
     */
    public static Column<Object> column(Class<?> type, String attribute) {
        Mapper<?> mapper = Mapper.of(type);
        return mapper.column(mapper.attribute(attribute));
    }

    /**
     * A property named by a getter reference.
     *
     * @param owner the class the getter reference was made on (the getter may be declared on a superclass)
     * @param name the property's name
     */
    public record Property(Class<?> owner, String name) {}

    private static final ClassValue<AtomicReference<Property>> PROPERTIES = new ClassValue<>() {
        @Override
        protected AtomicReference<Property> computeValue(Class<?> type) {
            return new AtomicReference<>();
        }
    };

    /**
     * @param getter a getter method reference
     * @return the class and property it names
     */
    public static Property property(Getter<?, ?> getter) {
        AtomicReference<Property> holder = PROPERTIES.get(getter.getClass());
        Property known = holder.get();
        if (known != null) {
            return known;
        }
        SerializedLambda lambda = serialized(getter);
        Property property = new Property(owner(getter, lambda), property(lambda.getImplMethodName()));
        holder.set(property);
        return property;
    }

    /**
     * The class a getter reference was made on: {@code Owner::getLastName} names {@code Owner} even where
     * {@code getLastName} is declared on a superclass ({@code Person}, perhaps unmapped), as Java reads it. The compiled
     * reference names the declaring class as its implementation; the class it was made on is the first parameter of
     * its instantiated method type.
     */
    private static Class<?> owner(Getter<?, ?> getter, SerializedLambda lambda) {
        ClassLoader loader = getter.getClass().getClassLoader();
        Class<?> declaring = load(lambda.getImplClass(), loader);
        String type = lambda.getInstantiatedMethodType();
        if (type.startsWith("(L")) {
            Class<?> receiver = load(type.substring(2, type.indexOf(';')), loader);
            if (declaring.isAssignableFrom(receiver)) {
                return receiver;
            }
        }
        return declaring;
    }

    private static Class<?> load(String internalName, ClassLoader loader) {
        try {
            return Class.forName(internalName.replace('/', '.'), false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new ArgumentError("cannot load " + internalName.replace('/', '.'), e);
        }
    }

    private static Column<?> resolve(Getter<?, ?> getter) {
        SerializedLambda lambda = serialized(getter);
        if (lambda.getImplMethodKind() != java.lang.invoke.MethodHandleInfo.REF_invokeVirtual) {
            throw new ArgumentError("where(...) needs a getter method reference such as User::getName, not a lambda");
        }
        String method = lambda.getImplMethodName();
        Class<?> owner = owner(getter, lambda);
        String property = property(method);
        Mapper<?> mapper = Mapper.of(owner);
        Attribute attribute = mapper.byName.get(property);
        if (attribute == null) {
            throw new ArgumentError(owner.getSimpleName() + "::" + method + " is not the getter of a mapped attribute; "
                    + "its attributes: " + mapper.byName.keySet());
        }
        return mapper.column(attribute);
    }

    private static String property(String method) {
        String name = method;
        if (name.startsWith("get") && name.length() > 3) {
            name = name.substring(3);
        } else if (name.startsWith("is") && name.length() > 2) {
            name = name.substring(2);
        } else {
            return name; // a record-style accessor: name()
        }
        return name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1);
    }

    private static SerializedLambda serialized(Getter<?, ?> getter) {
        try {
            Method writeReplace = getter.getClass().getDeclaredMethod("writeReplace");
            writeReplace.setAccessible(true);
            return (SerializedLambda) writeReplace.invoke(getter);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new ArgumentError("where(...) needs a method reference such as User::getName", e);
        }
    }
}
