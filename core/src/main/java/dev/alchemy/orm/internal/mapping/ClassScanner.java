package dev.alchemy.orm.internal.mapping;

import dev.alchemy.exc.ArgumentError;
import java.io.File;
import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/** Lists the classes of a package (and its sub-packages) from class-path directories and jars. */
public final class ClassScanner {

    private ClassScanner() {}

    /**
     * @param packageName a package, e.g. {@code com.example.model}
     * @param loader the class loader to search
     * @return the classes found, loaded without initialising them
     */
    public static List<Class<?>> scan(String packageName, ClassLoader loader) {
        String path = packageName.replace('.', '/');
        List<String> names = new ArrayList<>();
        try {
            Enumeration<URL> roots = loader.getResources(path);
            while (roots.hasMoreElements()) {
                URL root = roots.nextElement();
                if ("file".equals(root.getProtocol())) {
                    walk(new File(URLDecoder.decode(root.getPath(), StandardCharsets.UTF_8)), packageName, names);
                } else if ("jar".equals(root.getProtocol())) {
                    try (JarFile jar = ((JarURLConnection) root.openConnection()).getJarFile()) {
                        for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                            String entry = e.nextElement().getName();
                            if (entry.startsWith(path + "/") && entry.endsWith(".class")) {
                                names.add(entry.substring(0, entry.length() - 6).replace('/', '.'));
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new ArgumentError("could not scan package " + packageName + ": " + e.getMessage(), e);
        }
        List<Class<?>> classes = new ArrayList<>();
        for (String name : names) {
            if (name.endsWith("package-info") || name.endsWith("module-info")) {
                continue;
            }
            try {
                classes.add(Class.forName(name, false, loader));
            } catch (ClassNotFoundException | LinkageError e) {
                // a class that cannot load is not a model we can map; skip it
            }
        }
        return classes;
    }

    private static void walk(File dir, String packageName, List<String> names) {
        File[] files = dir.listFiles();
        if (files == null) {
            return;
        }
        for (File f : files) {
            if (f.isDirectory()) {
                walk(f, packageName + "." + f.getName(), names);
            } else if (f.getName().endsWith(".class")) {
                names.add(
                        packageName + "." + f.getName().substring(0, f.getName().length() - 6));
            }
        }
    }
}
