package dev.alchemy.boot.autoconfigure;

import com.zaxxer.hikari.HikariDataSource;
import dev.alchemy.orm.Convert;
import dev.alchemy.orm.Polymorphic;
import dev.alchemy.orm.Session;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.boot.context.properties.bind.BindableRuntimeHintsRegistrar;
import org.springframework.util.ClassUtils;

/**
 * What a native image needs to know of Alchemy in a Spring application: the JDK proxy of the shared {@link Session},
 * the pool {@code AlchemyDataSourceAutoConfiguration} binds {@code spring.datasource.hikari.*} onto, and (through
 * {@link #registerModels}) the model classes, their converters and the enums they map, which Alchemy reaches by
 * reflection and method handles. Registered in {@code META-INF/spring/aot.factories}; the models are registered by
 * {@link AlchemyModelsAotProcessor}, which knows them at build time.
 */
final class AlchemyRuntimeHints implements RuntimeHintsRegistrar {

    private static final MemberCategory[] MODEL = {
        MemberCategory.ACCESS_DECLARED_FIELDS,
        MemberCategory.ACCESS_PUBLIC_FIELDS,
        MemberCategory.INVOKE_DECLARED_CONSTRUCTORS,
        MemberCategory.INVOKE_DECLARED_METHODS,
        MemberCategory.INVOKE_PUBLIC_METHODS
    };

    @Override
    public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
        hints.proxies().registerJdkProxy(Session.class);
        if (ClassUtils.isPresent("com.zaxxer.hikari.HikariDataSource", classLoader)) {
            BindableRuntimeHintsRegistrar.forTypes(HikariDataSource.class).registerHints(hints, classLoader);
        }
    }

    /**
     * Registers the model classes (and their superclasses) for reflection on their fields, constructors and
     * accessors, the converters their {@code @Convert} names, and the enums they map.
     *
     * @param hints where to register
     * @param models the model classes
     */
    static void registerModels(RuntimeHints hints, Collection<Class<?>> models) {
        for (Class<?> model : withSubclasses(models)) {
            for (Class<?> c = model; c != null && c != Object.class; c = c.getSuperclass()) {
                hints.reflection().registerType(c, MODEL);
                for (Field field : c.getDeclaredFields()) {
                    member(hints, field.getAnnotation(Convert.class), field.getType());
                }
                for (Method method : c.getDeclaredMethods()) {
                    member(hints, method.getAnnotation(Convert.class), method.getReturnType());
                }
            }
        }
    }

    /**
     * The models and the subclasses of their inheritance hierarchies, which have no {@code @Table} of their own when
     * their rows live in the base's table: listed by {@code @Polymorphic(subclasses)} or a sealed class's permits.
     */
    static List<Class<?>> withSubclasses(Collection<Class<?>> models) {
        List<Class<?>> all = new ArrayList<>(models);
        for (int i = 0; i < all.size(); i++) {
            Class<?> c = all.get(i);
            List<Class<?>> subclasses = new ArrayList<>();
            Polymorphic polymorphic = c.getAnnotation(Polymorphic.class);
            if (polymorphic != null) {
                subclasses.addAll(List.of(polymorphic.subclasses()));
                if (c.isSealed()) {
                    subclasses.addAll(List.of(c.getPermittedSubclasses()));
                }
            }
            for (Class<?> sub : subclasses) {
                if (!all.contains(sub)) {
                    all.add(sub);
                }
            }
        }
        return all;
    }

    private static void member(RuntimeHints hints, @Nullable Convert convert, Class<?> type) {
        if (convert != null) {
            hints.reflection().registerType(convert.value(), MemberCategory.INVOKE_DECLARED_CONSTRUCTORS);
        }
        if (type.isEnum()) {
            hints.reflection()
                    .registerType(type, MemberCategory.INVOKE_PUBLIC_METHODS, MemberCategory.ACCESS_PUBLIC_FIELDS);
        }
    }
}
