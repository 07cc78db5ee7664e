package dev.alchemy.orm.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Builds the {@link RowAccess} of a mapped class: a small hidden class, defined as a nestmate of the model (so it may
 * touch private fields), whose {@code read} and {@code write} are straight-line code, one {@code getfield}/{@code
 * putfield} (or getter/setter call, as the mapper prefers them) per attribute. A method handle per attribute, invoked
 * from a loop over attributes, cannot be inlined by the JIT compiler; the dirty check of autoflush spent most of its
 * time in that invocation.
 *
 * <p>The class file is written here (straight-line code needs no stack map frames), so no bytecode library is needed.
 * When the class cannot be generated (an attribute declared in a superclass, a model in a module that does not open
 * its package), the mapper's method handles are used instead, as before.
 */
final class RowAccessors {

    private RowAccessors() {}

    /** How one attribute is read and written: a field, or a getter and a setter method. */
    record Plan(Member reader, Member writer, Class<?> type) {}

    /** GraalVM sets this property in a native image's run time (and at its build time, where no model is mapped). */
    static final boolean IN_NATIVE_IMAGE = System.getProperty("org.graalvm.nativeimage.imagecode") != null;

    /**
     * @param type the mapped class
     * @param lookup a lookup with full privileges in it
     * @param plans how each attribute is reached, in attribute order
     * @param fallback the method-handle implementation, used when no class can be generated
     * @return the fastest access available
     */
    static RowAccess of(Class<?> type, MethodHandles.Lookup lookup, List<Plan> plans, RowAccess fallback) {
        if (IN_NATIVE_IMAGE) {
            return fallback; // a native image cannot define classes at run time: method handles from the start
        }
        for (Plan p : plans) {
            if (p.reader().getDeclaringClass() != type || p.writer().getDeclaringClass() != type) {
                return fallback; // inherited members may be private to another class
            }
        }
        try {
            byte[] bytes = classFile(type, plans);
            MethodHandles.Lookup hidden =
                    lookup.defineHiddenClass(bytes, true, MethodHandles.Lookup.ClassOption.NESTMATE);
            return (RowAccess) hidden.findConstructor(hidden.lookupClass(), MethodType.methodType(void.class))
                    .invoke();
        } catch (Throwable e) {
            if (e instanceof VirtualMachineError error) {
                throw error;
            }
            return fallback;
        }
    }

    private static String internalName(Class<?> c) {
        return c.getName().replace('.', '/');
    }

    private static String descriptor(Class<?> c) {
        return c.descriptorString();
    }

    // ---------------------------------------------------------------- class file

    private static byte[] classFile(Class<?> type, List<Plan> plans) throws IOException {
        Pool pool = new Pool();
        String owner = internalName(type);
        String self = owner + "$AlchemyRowAccess";
        int thisClass = pool.classRef(self);
        int superClass = pool.classRef("java/lang/Object");
        int iface = pool.classRef(internalName(RowAccess.class));
        byte[] init = constructor(pool);
        byte[] read = read(pool, owner, plans);
        byte[] write = write(pool, owner, plans);
        int initName = pool.utf8("<init>");
        int initType = pool.utf8("()V");
        int readName = pool.utf8("read");
        int writeName = pool.utf8("write");
        int accessType = pool.utf8("(Ljava/lang/Object;[Ljava/lang/Object;)V");
        int code = pool.utf8("Code");

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0xCAFEBABE);
        out.writeShort(0);
        out.writeShort(52); // Java 8: straight-line code needs no StackMapTable
        pool.writeTo(out);
        out.writeShort(0x0001 | 0x0010 | 0x0020); // public final super
        out.writeShort(thisClass);
        out.writeShort(superClass);
        out.writeShort(1);
        out.writeShort(iface);
        out.writeShort(0); // fields
        out.writeShort(3); // methods
        method(out, 0x0001, initName, initType, code, 1, 1, init);
        method(out, 0x0001, readName, accessType, code, 5, 4, read);
        method(out, 0x0001, writeName, accessType, code, 5, 4, write);
        out.writeShort(0); // attributes
        return bytes.toByteArray();
    }

    private static void method(
            DataOutputStream out, int flags, int name, int type, int codeName, int maxStack, int maxLocals, byte[] code)
            throws IOException {
        out.writeShort(flags);
        out.writeShort(name);
        out.writeShort(type);
        out.writeShort(1);
        out.writeShort(codeName);
        out.writeInt(12 + code.length);
        out.writeShort(maxStack);
        out.writeShort(maxLocals);
        out.writeInt(code.length);
        out.write(code);
        out.writeShort(0); // exception table
        out.writeShort(0); // attributes
    }

    private static byte[] constructor(Pool pool) throws IOException {
        Code c = new Code();
        c.op(0x2A); // aload_0
        c.op(0xB7).u2(pool.methodRef("java/lang/Object", "<init>", "()V")); // invokespecial
        c.op(0xB1); // return
        return c.bytes();
    }

    /** {@code T t = (T) instance; into[i] = box(t.field_i); ...} */
    private static byte[] read(Pool pool, String owner, List<Plan> plans) throws IOException {
        Code c = new Code();
        c.op(0x2B).op(0xC0).u2(pool.classRef(owner)).op(0x4E); // aload_1, checkcast, astore_3
        for (int i = 0; i < plans.size(); i++) {
            Plan p = plans.get(i);
            c.op(0x2C); // aload_2
            c.index(i);
            c.op(0x2D); // aload_3
            if (p.reader() instanceof Field f) {
                c.op(0xB4).u2(pool.fieldRef(owner, f.getName(), descriptor(f.getType()))); // getfield
            } else {
                Method m = (Method) p.reader();
                c.op(0xB6).u2(pool.methodRef(owner, m.getName(), methodDescriptor(m))); // invokevirtual
            }
            if (p.type().isPrimitive()) {
                Class<?> box = dev.alchemy.engine.Conversions.boxed(p.type());
                c.op(0xB8)
                        .u2(pool.methodRef(
                                internalName(box), "valueOf", "(" + descriptor(p.type()) + ")" + descriptor(box)));
            }
            c.op(0x53); // aastore
        }
        c.op(0xB1);
        return c.bytes();
    }

    /** {@code T t = (T) instance; t.field_i = (F) values[i]; ...} */
    private static byte[] write(Pool pool, String owner, List<Plan> plans) throws IOException {
        Code c = new Code();
        c.op(0x2B).op(0xC0).u2(pool.classRef(owner)).op(0x4E); // aload_1, checkcast, astore_3
        for (int i = 0; i < plans.size(); i++) {
            Plan p = plans.get(i);
            Class<?> t = p.type();
            c.op(0x2D); // aload_3
            c.op(0x2C); // aload_2
            c.index(i);
            c.op(0x32); // aaload
            if (t.isPrimitive()) {
                Class<?> box = dev.alchemy.engine.Conversions.boxed(t);
                c.op(0xC0).u2(pool.classRef(internalName(box)));
                c.op(0xB6).u2(pool.methodRef(internalName(box), t.getName() + "Value", "()" + descriptor(t)));
            } else if (t != Object.class) {
                c.op(0xC0).u2(pool.classRef(t.isArray() ? descriptor(t) : internalName(t)));
            }
            if (p.writer() instanceof Field f) {
                c.op(0xB5).u2(pool.fieldRef(owner, f.getName(), descriptor(f.getType()))); // putfield
            } else {
                Method m = (Method) p.writer();
                c.op(0xB6).u2(pool.methodRef(owner, m.getName(), methodDescriptor(m))); // invokevirtual
                Class<?> r = m.getReturnType();
                if (r == long.class || r == double.class) {
                    c.op(0x58); // pop2
                } else if (r != void.class) {
                    c.op(0x57); // pop
                }
            }
        }
        c.op(0xB1);
        return c.bytes();
    }

    private static String methodDescriptor(Method m) {
        StringBuilder d = new StringBuilder("(");
        for (Class<?> p : m.getParameterTypes()) {
            d.append(descriptor(p));
        }
        return d.append(')').append(descriptor(m.getReturnType())).toString();
    }

    /** Bytecode of one method. */
    private static final class Code {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Code op(int opcode) {
            bytes.write(opcode);
            return this;
        }

        Code u2(int value) {
            bytes.write(value >>> 8);
            bytes.write(value);
            return this;
        }

        /** Pushes an int constant. */
        Code index(int i) {
            if (i <= 5) {
                return op(0x03 + i); // iconst_i
            }
            if (i <= 127) {
                return op(0x10).op(i); // bipush
            }
            return op(0x11).u2(i); // sipush
        }

        byte[] bytes() {
            return bytes.toByteArray();
        }
    }

    /** A constant pool with the entries the generated class needs, each written once. */
    private static final class Pool {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final DataOutputStream out = new DataOutputStream(bytes);
        private final Map<String, Integer> entries = new HashMap<>();
        private int count = 1;

        int utf8(String s) throws IOException {
            Integer known = entries.get("U" + s);
            if (known != null) {
                return known;
            }
            out.writeByte(1);
            out.writeUTF(s);
            return remember("U" + s);
        }

        int classRef(String internalName) throws IOException {
            Integer known = entries.get("C" + internalName);
            if (known != null) {
                return known;
            }
            int name = utf8(internalName);
            out.writeByte(7);
            out.writeShort(name);
            return remember("C" + internalName);
        }

        private int nameAndType(String name, String type) throws IOException {
            String key = "N" + name + ":" + type;
            Integer known = entries.get(key);
            if (known != null) {
                return known;
            }
            int n = utf8(name);
            int t = utf8(type);
            out.writeByte(12);
            out.writeShort(n);
            out.writeShort(t);
            return remember(key);
        }

        int fieldRef(String owner, String name, String type) throws IOException {
            return member(9, owner, name, type);
        }

        int methodRef(String owner, String name, String type) throws IOException {
            return member(10, owner, name, type);
        }

        private int member(int tag, String owner, String name, String type) throws IOException {
            String key = tag + owner + "." + name + ":" + type;
            Integer known = entries.get(key);
            if (known != null) {
                return known;
            }
            int c = classRef(owner);
            int nt = nameAndType(name, type);
            out.writeByte(tag);
            out.writeShort(c);
            out.writeShort(nt);
            return remember(key);
        }

        private int remember(String key) {
            entries.put(key, count);
            return count++;
        }

        void writeTo(DataOutputStream target) throws IOException {
            target.writeShort(count);
            target.write(bytes.toByteArray());
        }
    }

    /** The method-handle implementation: each attribute through its mapper's handles. */
    static RowAccess handles(List<Attribute> attributes) {
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
}
