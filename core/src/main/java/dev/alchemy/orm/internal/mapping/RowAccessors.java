package dev.alchemy.orm.internal.mapping;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the {@link RowAccess} of a mapped class: a small hidden class, defined as a nestmate of the model (so it may
 * touch private fields), whose {@code read} and {@code write} are straight-line code, one {@code getfield}/{@code
 * putfield} (or getter/setter call, as the mapper prefers them) per attribute. A method handle per attribute, invoked
 * from a loop over attributes, cannot be inlined by the JIT compiler; the dirty check of autoflush spent most of its
 * time in that invocation.
 *
 * <p>The class is written with ASM, the bytecode library the JDK and Spring themselves build on. When it cannot be
 * generated (an attribute declared in a superclass, a model in a module that does not open its package, a native
 * image), the mapper's method handles are used instead, and the reason is logged at DEBUG (logger {@code
 * dev.alchemy.orm}).
 */
public final class RowAccessors {

    private static final Logger log = LoggerFactory.getLogger("dev.alchemy.orm");

    private RowAccessors() {}

    /** How one attribute is read and written: a field, or a getter and a setter method. */
    public record Plan(Member reader, Member writer, Class<?> type) {}

    /** GraalVM sets this property in a native image's run time (and at its build time, where no model is mapped). */
    public static final boolean IN_NATIVE_IMAGE = System.getProperty("org.graalvm.nativeimage.imagecode") != null;

    /**
     * The generated accessor of a class's attributes: direct field and accessor calls, in a hidden class nested in
     * the model class. A member the hidden class may not reach (private to a superclass, or package-private or
     * protected in a superclass of another package) is read and written through its method handle, the others still
     * by the generated code; so a mapped superclass's fields ({@code BaseEntity}'s id, timestamps, version) with
     * public accessors, or in the model's package, are as fast as the model's own.
     *
     * @param type the mapped class
     * @param lookup a lookup with private access to it
     * @param plans the member pair of each attribute, in attribute order
     * @param attributes the attributes, for the members the generated code cannot reach
     * @param fallback method handles for every attribute
     * @return the generated accessor, or the fallback when none could be defined
     */
    public static RowAccess of(
            Class<?> type,
            MethodHandles.Lookup lookup,
            List<Plan> plans,
            List<Attribute> attributes,
            RowAccess fallback) {
        if (IN_NATIVE_IMAGE) {
            return fallback; // a native image cannot define classes at run time: method handles from the start
        }
        List<Plan> reachable = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        List<Attribute> rest = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            Plan p = plans.get(i);
            if (reachable(p.reader(), type) && reachable(p.writer(), type)) {
                reachable.add(p);
                indexes.add(i);
            } else {
                log.debug(
                        "{}: a method handle for {}, since {} declares it out of the generated code's reach",
                        type.getName(),
                        p.reader().getName(),
                        p.reader().getDeclaringClass().getName());
                rest.add(attributes.get(i));
            }
        }
        if (reachable.isEmpty()) {
            return fallback;
        }
        RowAccess generated = define(type, lookup, reachable, indexes);
        if (generated == null) {
            return fallback;
        }
        return rest.isEmpty() ? generated : new Mixed(generated, rest.toArray(new Attribute[0]));
    }

    /**
     * The generated accessor of some fields of a class that are not attributes (the relationship fields autoflush
     * reads to see whether the application replaced a collection), or the fallback when any of them is out of the
     * generated code's reach or no class could be defined.
     *
     * @param type the mapped class
     * @param lookup a lookup with private access to it
     * @param fields the fields, read into index {@code i} for field {@code i}
     * @param fallback their method handles
     * @return the generated accessor, or the fallback
     */
    public static RowAccess ofFields(
            Class<?> type, MethodHandles.Lookup lookup, List<Field> fields, RowAccess fallback) {
        if (IN_NATIVE_IMAGE || fields.isEmpty()) {
            return fallback;
        }
        List<Plan> plans = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            if (!reachable(f, type)) {
                log.debug(
                        "{}: method handles for its relationship fields, since {} declares {} out of the generated "
                                + "code's reach",
                        type.getName(),
                        f.getDeclaringClass().getName(),
                        f.getName());
                return fallback;
            }
            plans.add(new Plan(f, f, f.getType()));
            indexes.add(i);
        }
        RowAccess generated = define(type, lookup, plans, indexes);
        return generated == null ? fallback : generated;
    }

    /** Defines the hidden accessor class of these members, or returns null (logged at DEBUG) when it cannot. */
    private static @Nullable RowAccess define(
            Class<?> type, MethodHandles.Lookup lookup, List<Plan> plans, List<Integer> indexes) {
        try {
            byte[] bytes = classFile(type, plans, indexes);
            MethodHandles.Lookup hidden =
                    lookup.defineHiddenClass(bytes, true, MethodHandles.Lookup.ClassOption.NESTMATE);
            return (RowAccess) hidden.findConstructor(hidden.lookupClass(), MethodType.methodType(void.class))
                    .invoke();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            log.debug("{}: method handles for its fields, since no accessor class could be defined", type, e);
            return null;
        }
    }

    /**
     * Whether the hidden class nested in {@code type} may use a member: the class's own, a public one, or a
     * non-private one of a superclass in the same runtime package.
     */
    private static boolean reachable(Member member, Class<?> type) {
        Class<?> declaring = member.getDeclaringClass();
        int modifiers = member.getModifiers();
        if (declaring == type || Modifier.isPublic(modifiers)) {
            return true;
        }
        return !Modifier.isPrivate(modifiers)
                && declaring.getPackageName().equals(type.getPackageName())
                && declaring.getClassLoader() == type.getClassLoader();
    }

    /** The generated accessor for most attributes, method handles for those it cannot reach. */
    static final class Mixed implements RowAccess {
        private final RowAccess generated;
        private final Attribute[] handled;

        Mixed(RowAccess generated, Attribute[] handled) {
            this.generated = generated;
            this.handled = handled;
        }

        @Override
        public void read(Object instance, @Nullable Object[] into) {
            generated.read(instance, into);
            for (Attribute a : handled) {
                into[a.index] = a.getRaw(instance);
            }
        }

        @Override
        public void write(Object instance, @Nullable Object[] values) {
            generated.write(instance, values);
            for (Attribute a : handled) {
                a.setRaw(instance, values[a.index]);
            }
        }
    }

    // ---------------------------------------------------------------- class file

    private static byte[] classFile(Class<?> type, List<Plan> plans, List<Integer> indexes) {
        String owner = Type.getInternalName(type);
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS); // straight-line code: no frames to compute
        cw.visit(
                Opcodes.V17,
                Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER,
                owner + "$AlchemyRowAccess",
                null,
                "java/lang/Object",
                new String[] {Type.getInternalName(RowAccess.class)});
        MethodVisitor init = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        read(cw.visitMethod(Opcodes.ACC_PUBLIC, "read", ACCESS, null, null), owner, plans, indexes);
        write(cw.visitMethod(Opcodes.ACC_PUBLIC, "write", ACCESS, null, null), owner, plans, indexes);
        cw.visitEnd();
        return cw.toByteArray();
    }

    private static final String ACCESS = "(Ljava/lang/Object;[Ljava/lang/Object;)V";

    /** {@code T t = (T) instance; into[i] = box(t.field_i); ...} */
    private static void read(MethodVisitor m, String owner, List<Plan> plans, List<Integer> indexes) {
        m.visitCode();
        m.visitVarInsn(Opcodes.ALOAD, 1);
        m.visitTypeInsn(Opcodes.CHECKCAST, owner);
        m.visitVarInsn(Opcodes.ASTORE, 3);
        for (int i = 0; i < plans.size(); i++) {
            Plan p = plans.get(i);
            m.visitVarInsn(Opcodes.ALOAD, 2);
            m.visitLdcInsn(indexes.get(i));
            m.visitVarInsn(Opcodes.ALOAD, 3);
            if (p.reader() instanceof Field f) {
                m.visitFieldInsn(Opcodes.GETFIELD, owner, f.getName(), Type.getDescriptor(f.getType()));
            } else {
                Method r = (Method) p.reader();
                m.visitMethodInsn(Opcodes.INVOKEVIRTUAL, owner, r.getName(), Type.getMethodDescriptor(r), false);
            }
            if (p.type().isPrimitive()) {
                Class<?> box = dev.alchemy.engine.Conversions.boxed(p.type());
                m.visitMethodInsn(
                        Opcodes.INVOKESTATIC,
                        Type.getInternalName(box),
                        "valueOf",
                        Type.getMethodDescriptor(Type.getType(box), Type.getType(p.type())),
                        false);
            }
            m.visitInsn(Opcodes.AASTORE);
        }
        m.visitInsn(Opcodes.RETURN);
        m.visitMaxs(0, 0);
        m.visitEnd();
    }

    /** {@code T t = (T) instance; t.field_i = (F) values[i]; ...} */
    private static void write(MethodVisitor m, String owner, List<Plan> plans, List<Integer> indexes) {
        m.visitCode();
        m.visitVarInsn(Opcodes.ALOAD, 1);
        m.visitTypeInsn(Opcodes.CHECKCAST, owner);
        m.visitVarInsn(Opcodes.ASTORE, 3);
        for (int i = 0; i < plans.size(); i++) {
            Plan p = plans.get(i);
            Class<?> t = p.type();
            m.visitVarInsn(Opcodes.ALOAD, 3);
            m.visitVarInsn(Opcodes.ALOAD, 2);
            m.visitLdcInsn(indexes.get(i));
            m.visitInsn(Opcodes.AALOAD);
            if (t.isPrimitive()) {
                Class<?> box = dev.alchemy.engine.Conversions.boxed(t);
                m.visitTypeInsn(Opcodes.CHECKCAST, Type.getInternalName(box));
                m.visitMethodInsn(
                        Opcodes.INVOKEVIRTUAL,
                        Type.getInternalName(box),
                        t.getName() + "Value",
                        Type.getMethodDescriptor(Type.getType(t)),
                        false);
            } else if (t != Object.class) {
                m.visitTypeInsn(Opcodes.CHECKCAST, Type.getInternalName(t));
            }
            if (p.writer() instanceof Field f) {
                m.visitFieldInsn(Opcodes.PUTFIELD, owner, f.getName(), Type.getDescriptor(f.getType()));
            } else {
                Method w = (Method) p.writer();
                m.visitMethodInsn(Opcodes.INVOKEVIRTUAL, owner, w.getName(), Type.getMethodDescriptor(w), false);
                Class<?> r = w.getReturnType();
                if (r == long.class || r == double.class) {
                    m.visitInsn(Opcodes.POP2);
                } else if (r != void.class) {
                    m.visitInsn(Opcodes.POP);
                }
            }
        }
        m.visitInsn(Opcodes.RETURN);
        m.visitMaxs(0, 0);
        m.visitEnd();
    }

    /** The method-handle implementation for relationship fields: each through its property's handles. */
    static RowAccess relationshipHandles(RelationshipProperty[] relationships) {
        return new RowAccess() {
            @Override
            public void read(Object instance, @Nullable Object[] into) {
                for (int i = 0; i < relationships.length; i++) {
                    into[i] = relationships[i].get(instance);
                }
            }

            @Override
            public void write(Object instance, @Nullable Object[] values) {
                for (int i = 0; i < relationships.length; i++) {
                    relationships[i].set(instance, values[i]);
                }
            }
        };
    }

    /** The method-handle implementation: each attribute through its mapper's handles. */
    public static RowAccess handles(List<Attribute> attributes) {
        return new RowAccess() {
            @Override
            public void read(Object instance, @Nullable Object[] into) {
                for (int i = 0; i < attributes.size(); i++) {
                    into[i] = attributes.get(i).getRaw(instance);
                }
            }

            @Override
            public void write(Object instance, @Nullable Object[] values) {
                for (int i = 0; i < attributes.size(); i++) {
                    attributes.get(i).setRaw(instance, values[i]);
                }
            }
        };
    }

    /**
     * The generated row access of a class, checked once on a new instance (read, then written back) so that a class
     * the generated code cannot reach falls back to method handles here rather than fail later.
     */
    static RowAccess checked(
            Class<?> type, MethodHandles.Lookup lookup, List<Attribute> attributes, MethodHandle constructor) {
        RowAccess handles = RowAccessors.handles(attributes);
        List<RowAccessors.Plan> plans = new ArrayList<>();
        for (Attribute a : attributes) {
            if (a.plan == null) {
                return handles;
            }
            plans.add(a.plan);
        }
        RowAccess generated = RowAccessors.of(type, lookup, plans, attributes, handles);
        if (generated == handles) {
            return handles;
        }
        try {
            Object probe = constructor.invoke();
            Object[] values = new Object[attributes.size()];
            generated.read(probe, values);
            for (Attribute a : attributes) {
                if (a.primitive && values[a.index] == null) {
                    return handles;
                }
            }
            generated.write(probe, values);
            return generated;
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            org.slf4j.LoggerFactory.getLogger("dev.alchemy.orm")
                    .debug(
                            "{}: method handles for its attributes, since the generated accessor failed on a new "
                                    + "instance",
                            type.getName(),
                            e);
            return handles;
        }
    }
}
