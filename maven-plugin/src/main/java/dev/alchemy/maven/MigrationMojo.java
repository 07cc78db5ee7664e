package dev.alchemy.maven;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.jspecify.annotations.Nullable;

/**
 * Writes the next Flyway migration from the difference between the project's models and its development database,
 * like Alembic's {@code alembic revision --autogenerate -m "add phone"}:
 *
 * <pre>
 * mvn alchemy:migration -Dmessage="add phone"
 * mvn alchemy:migration -Dmessage="add phone" -Dalchemy.url=postgresql://app:secret@localhost/app
 * </pre>
 *
 * <p>It compiles the project, finds the models by the starter's rules ({@code alchemy.models.packages}, else
 * {@code @EntityScan}, else the package of the {@code @SpringBootApplication} class), connects to the database of
 * {@code -Dalchemy.url} or else of the application's {@code spring.datasource.url} or {@code alchemy.url}
 * ({@code src/main/resources/application.properties} or {@code .yml}), compares, and writes
 * {@code src/main/resources/db/migration/V<next>__add_phone.sql}, the version one more than the highest there. When
 * the database already matches the models it writes nothing.
 */
@Mojo(name = "migration", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public final class MigrationMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private @Nullable MavenProject project;

    /** What the migration does, for its file name: {@code add phone} gives {@code V2__add_phone.sql}. */
    @Parameter(property = "message", required = true)
    private @Nullable String message;

    /** The database to compare with (SQLAlchemy-style or JDBC URL); by default the application's own. */
    @Parameter(property = "alchemy.url")
    private @Nullable String url;

    /** The user for a JDBC URL; by default {@code spring.datasource.username}. */
    @Parameter(property = "alchemy.username")
    private @Nullable String username;

    /** The password for a JDBC URL; by default {@code spring.datasource.password}. */
    @Parameter(property = "alchemy.password")
    private @Nullable String password;

    /** The packages of the models; by default the starter's rules. */
    @Parameter(property = "alchemy.models.packages")
    private @Nullable List<String> packages;

    /** Where the migrations are (Flyway's default location). */
    @Parameter(
            property = "alchemy.migration.directory",
            defaultValue = "${project.basedir}/src/main/resources/db/migration")
    private @Nullable File directory;

    /** Creates the goal (Maven does). */
    public MigrationMojo() {}

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        MavenProject p = required(project, "project");
        Path basedir = p.getBasedir().toPath();
        MigrationWriter.Settings settings = new MigrationWriter.Settings(
                basedir,
                Path.of(p.getBuild().getOutputDirectory()),
                basedir.resolve("src/main/resources"),
                required(directory, "directory").toPath(),
                required(message, "message"),
                url,
                username,
                password,
                packages == null ? List.of() : packages);
        try (URLClassLoader loader = projectClassLoader(p)) {
            MigrationWriter.Result result = MigrationWriter.write(settings, loader, getLog()::info);
            if (result.file() == null) {
                getLog().info("The database matches the models: no migration written.");
                return;
            }
            for (String line : result.diff().summary()) {
                getLog().info("  " + line);
            }
            for (String note : result.script().reviewNotes()) {
                getLog().warn("REVIEW: " + note.replace('\n', ' '));
            }
            getLog().info("Wrote " + basedir.relativize(result.file().toAbsolutePath())
                    + ": review it, then commit it with the model change.");
        } catch (MigrationWriter.Failure e) {
            throw new MojoFailureException("alchemy:migration " + e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("alchemy:migration could not read or write a file: " + e.getMessage(), e);
        }
    }

    /**
     * The project's classes and dependencies over the plugin's own class loader, without the project's copy of
     * alchemy-core: the models' annotations must be the plugin's {@code @Table} for its {@code Base} to see them.
     */
    private URLClassLoader projectClassLoader(MavenProject p) throws MojoExecutionException {
        List<URL> urls = new ArrayList<>();
        try {
            urls.add(new File(p.getBuild().getOutputDirectory()).toURI().toURL());
            for (Artifact a : p.getArtifacts()) {
                boolean alchemyCore = a.getGroupId().equals("dev.alchemy")
                        && a.getArtifactId().equals("alchemy-core");
                if (!alchemyCore
                        && a.getFile() != null
                        && a.getArtifactHandler().isAddedToClasspath()) {
                    urls.add(a.getFile().toURI().toURL());
                }
            }
        } catch (MalformedURLException e) {
            throw new MojoExecutionException("a class path entry of the project is not a file: " + e.getMessage(), e);
        }
        return new URLClassLoader(urls.toArray(URL[]::new), MigrationMojo.class.getClassLoader());
    }

    private static <T> T required(@Nullable T value, String name) throws MojoExecutionException {
        if (value == null) {
            throw new MojoExecutionException("alchemy:migration is missing its parameter " + name);
        }
        return value;
    }
}
