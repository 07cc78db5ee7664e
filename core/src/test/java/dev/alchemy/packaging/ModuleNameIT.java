package dev.alchemy.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alchemy.Alchemy;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Path;
import java.util.Set;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * Core's jar, as Maven packaged it (failsafe runs against the jar, not target/classes), names its module
 * {@code dev.alchemy.core} for users on the module path, rather than the name the JVM would make from the file name.
 */
class ModuleNameIT {

    @Test
    void theJarIsTheAutomaticModuleDevAlchemyCore() throws Exception {
        Path jar = Path.of(Alchemy.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        assertThat(jar.getFileName().toString()).endsWith(".jar");
        try (JarFile file = new JarFile(jar.toFile())) {
            assertThat(file.getManifest().getMainAttributes().getValue("Automatic-Module-Name"))
                    .isEqualTo("dev.alchemy.core");
        }
        Set<ModuleReference> modules = ModuleFinder.of(jar).findAll();
        assertThat(modules).hasSize(1);
        ModuleDescriptor module = modules.iterator().next().descriptor();
        assertThat(module.name()).isEqualTo("dev.alchemy.core");
        assertThat(module.isAutomatic()).isTrue();
        assertThat(module.packages()).contains("dev.alchemy", "dev.alchemy.orm", "dev.alchemy.engine");
    }
}
