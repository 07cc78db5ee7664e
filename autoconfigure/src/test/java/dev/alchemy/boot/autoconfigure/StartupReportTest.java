package dev.alchemy.boot.autoconfigure;

import static dev.alchemy.boot.autoconfigure.AlchemyDataSourceAutoConfigurationTest.findCause;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.alchemy.boot.autoconfigure.session.User;
import dev.alchemy.boot.jpamistake.Invoice;
import dev.alchemy.boot.jpamixed.Customer;
import dev.alchemy.boot.jpamixed.Order;
import dev.alchemy.testing.LogCapture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalyzedException;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizationAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the starter tells at start-up: one INFO line with the database, the models and the tables; a WARN when JPA's
 * {@code @Table} stands where Alchemy's should; and, with {@code alchemy.echo}, the BEGIN/COMMIT/ROLLBACK of Spring's
 * transactions beside the statements.
 */
class StartupReportTest {

    @TempDir
    Path dir;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    AlchemyDataSourceAutoConfiguration.class,
                    DataSourceAutoConfiguration.class,
                    TransactionManagerCustomizationAutoConfiguration.class,
                    DataSourceTransactionManagerAutoConfiguration.class,
                    TransactionAutoConfiguration.class,
                    AlchemyAutoConfiguration.class));

    @Test
    void theSummaryNamesTheDatabaseTheModelsAndTheTablesCreatedThenFound() {
        ApplicationContextRunner app = runner.withPropertyValues(
                "alchemy.url=sqlite:///" + dir.resolve("summary.db"),
                "alchemy.models.packages=" + User.class.getPackageName());
        try (LogCapture log = LogCapture.of(AlchemyStartupSummary.class.getName(), Level.INFO)) {
            app.run(context -> assertThat(context).hasNotFailed());
            app.run(context -> assertThat(context).hasNotFailed());
            assertThat(log.messages(Level.INFO))
                    .containsExactly(
                            "Alchemy: dialect sqlite, SQLite " + sqliteVersion() + " at jdbc:sqlite:"
                                    + dir.resolve("summary.db") + "; 1 model in " + User.class.getPackageName()
                                    + " (User); tables created: users; found: none",
                            "Alchemy: dialect sqlite, SQLite " + sqliteVersion() + " at jdbc:sqlite:"
                                    + dir.resolve("summary.db") + "; 1 model in " + User.class.getPackageName()
                                    + " (User); tables created: none; found: users");
        }
    }

    @Test
    void theSummarySaysWhenCreateAllIsOff() {
        try (LogCapture log = LogCapture.of(AlchemyStartupSummary.class.getName(), Level.INFO)) {
            runner.withPropertyValues(
                            "alchemy.url=sqlite:///:memory:",
                            "alchemy.schema.create-all=false",
                            "alchemy.models.packages=" + User.class.getPackageName())
                    .run(context -> assertThat(context).hasNotFailed());
            assertThat(log.messages(Level.INFO)).singleElement().asString().endsWith("(User); createAll off");
        }
    }

    @Test
    void jpasTableInsteadOfAlchemysIsAWarningThatNamesTheClass() {
        try (LogCapture log = LogCapture.of(ModelScanner.class.getName(), Level.INFO)) {
            runner.withPropertyValues("alchemy.url=sqlite:///:memory:")
                    .withUserConfiguration(JpaMistakeApplication.class)
                    .run(context -> assertThat(context).hasNotFailed());
            assertThat(log.messages(Level.WARN))
                    .singleElement()
                    .asString()
                    .startsWith("Alchemy found no model classes (annotated with @dev.alchemy.orm.Table) in the "
                            + "package dev.alchemy.boot.jpamistake")
                    .contains("annotated with JPA's @Table or @Entity: [" + Invoice.class.getName() + "]")
                    .contains("import dev.alchemy.orm.Table and dev.alchemy.orm.Column instead of JPA's");
        }
    }

    @Test
    void jpasTableInPackagesNamedByThePropertyIsInTheStartupFailure() {
        runner.withPropertyValues(
                        "alchemy.url=sqlite:///:memory:", "alchemy.models.packages=" + Invoice.class.getPackageName())
                .run(context -> {
                    FailureAnalyzedException failure =
                            findCause(context.getStartupFailure(), FailureAnalyzedException.class);
                    assertThat(failure.getMessage()).contains(Invoice.class.getName());
                    assertThat(failure.analysis().getAction()).contains("import dev.alchemy.orm.Table");
                });
    }

    @Test
    void aJpaTableWithAlchemyColumnsBesideRealModelsIsAWarning() {
        try (LogCapture log = LogCapture.of(ModelScanner.class.getName(), Level.INFO)) {
            runner.withPropertyValues(
                            "alchemy.url=sqlite:///:memory:",
                            "alchemy.models.packages=" + Customer.class.getPackageName())
                    .run(context -> assertThat(
                                    context.getBean(AlchemyModels.class).models())
                            .containsExactly(Customer.class));
            assertThat(log.messages(Level.WARN))
                    .singleElement()
                    .asString()
                    .startsWith("Alchemy: " + Order.class.getName() + " in the package dev.alchemy.boot.jpamixed")
                    .contains("import dev.alchemy.orm.Table instead of jakarta.persistence.Table");
        }
    }

    @Test
    void echoShowsTheBeginCommitAndRollbackOfSpringsTransactions() {
        try (LogCapture log = LogCapture.of("dev.alchemy.engine", Level.INFO)) {
            runner.withPropertyValues("alchemy.url=sqlite:///:memory:", "alchemy.echo=true")
                    .run(context -> {
                        TransactionTemplate transactions = new TransactionTemplate(
                                context.getBean(org.springframework.transaction.PlatformTransactionManager.class));
                        transactions.setName("Users.register");
                        transactions.executeWithoutResult(status -> {});
                        transactions.executeWithoutResult(status -> status.setRollbackOnly());
                        transactions.setReadOnly(true);
                        transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
                        transactions.executeWithoutResult(status -> {});
                    });
            assertThat(log.messages(Level.INFO))
                    .containsSubsequence(
                            "BEGIN (Spring: Users.register)",
                            "COMMIT (Spring: Users.register)",
                            "BEGIN (Spring: Users.register)",
                            "ROLLBACK (Spring: Users.register)",
                            "BEGIN (Spring: Users.register, read-only)",
                            "COMMIT (Spring: Users.register, read-only)");
        }
    }

    @Test
    void withoutEchoTheTransactionsAreLoggedAtDebugOnly() {
        try (LogCapture log = LogCapture.of("dev.alchemy.engine", Level.INFO)) {
            runner.withPropertyValues("alchemy.url=sqlite:///:memory:")
                    .run(context -> new TransactionTemplate(
                                    context.getBean(org.springframework.transaction.PlatformTransactionManager.class))
                            .executeWithoutResult(status -> {}));
            assertThat(log.messages()).noneMatch(message -> message.contains("(Spring"));
        }
    }

    private static String sqliteVersion() {
        try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite::memory:")) {
            return connection.getMetaData().getDatabaseProductVersion();
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @AutoConfigurationPackage(basePackageClasses = Invoice.class)
    static class JpaMistakeApplication {}
}
