package dev.alchemy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Holds the layering, never backwards: {@code orm → schema → sql → dialect → types}, everything → {@code engine}
 * and {@code exc}. This differs from DESIGN.md §2 (which had sql above schema) in the way SQLAlchemy itself is
 * built: {@code schema.Table}/{@code Column} extend the expression language's {@code TableClause}/{@code
 * ColumnClause}, so that a schema column is an expression ({@code users.c("name").eq("Alice")}); the compiler
 * consults the dialect through small hooks and so never needs to know the schema.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.alchemy");
    }

    private static void check(ArchRule rule) {
        rule.allowEmptyShould(true).check(classes);
    }

    @Test
    void coreNeverImportsSpring() {
        check(noClasses().should().dependOnClassesThat().resideInAPackage("org.springframework.."));
    }

    @Test
    void engineKnowsNothingAbove() {
        check(noClasses()
                .that()
                .resideInAPackage("dev.alchemy.engine..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.alchemy.sql..",
                        "dev.alchemy.orm..",
                        "dev.alchemy.schema..",
                        "dev.alchemy.types..",
                        "dev.alchemy.dialect.."));
    }

    @Test
    void excKnowsOnlyItself() {
        check(noClasses()
                .that()
                .resideInAPackage("dev.alchemy.exc..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.alchemy.engine..",
                        "dev.alchemy.sql..",
                        "dev.alchemy.orm..",
                        "dev.alchemy.schema..",
                        "dev.alchemy.types..",
                        "dev.alchemy.dialect.."));
    }

    @Test
    void typesKnowOnlyEngineAndExc() {
        check(noClasses()
                .that()
                .resideInAPackage("dev.alchemy.types..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.alchemy.schema..", "dev.alchemy.sql..", "dev.alchemy.orm..", "dev.alchemy.dialect.."));
    }

    @Test
    void dialectsKnowNeitherStatementsNorSchema() {
        check(noClasses()
                .that()
                .resideInAPackage("dev.alchemy.dialect..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.alchemy.sql..", "dev.alchemy.schema..", "dev.alchemy.orm.."));
    }

    @Test
    void sqlDoesNotKnowTheSchema() {
        check(noClasses()
                .that()
                .resideInAPackage("dev.alchemy.sql..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.alchemy.schema.."));
    }

    @Test
    void schemaDoesNotKnowTheOrm() {
        check(noClasses()
                .that()
                .resideInAPackage("dev.alchemy.schema..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.alchemy.orm.."));
    }

    @Test
    void sqlDoesNotKnowTheOrm() {
        check(noClasses()
                .that()
                .resideInAPackage("dev.alchemy.sql..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.alchemy.orm.."));
    }

    @Test
    void dialectsKnowNeitherOrmNorEachOther() {
        check(noClasses()
                .that()
                .resideInAPackage("dev.alchemy.dialect..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.alchemy.orm.."));
        check(noClasses()
                .that()
                .resideInAPackage("dev.alchemy.dialect.sqlite..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.alchemy.dialect.postgresql.."));
        check(noClasses()
                .that()
                .resideInAPackage("dev.alchemy.dialect.postgresql..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.alchemy.dialect.sqlite.."));
    }

    @Test
    void nothingOutsideAPackageImportsItsInternals() {
        for (String area : new String[] {"engine", "sql", "schema", "types", "orm", "dialect"}) {
            check(noClasses()
                    .that()
                    .resideOutsideOfPackage("dev.alchemy." + area + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage("dev.alchemy." + area + ".internal.."));
        }
    }

    @Test
    void nothingBelowTheRootPackageCallsTheFacade() {
        // Alchemy is the user's entry point; the layers below it call each other directly, so the facade can change
        // (or be replaced, in Spring) without the engine, compiler or ORM noticing
        check(noClasses()
                .that()
                .resideInAPackage("dev.alchemy.*..")
                .should()
                .dependOnClassesThat()
                .belongToAnyOf(Alchemy.class));
    }

    @Test
    void theAreasAreFreeOfCycles() {
        check(slices().matching("dev.alchemy.(*)..").should().beFreeOfCycles());
    }

    @Test
    void theOrmsRoomsAreFreeOfCycles() {
        // orm/internal is split by concept (mapping, state, loading, relationships, flush, session): each room may
        // use the rooms below it, never one above, so that the identity map or a loader strategy can be read alone
        check(slices().matching("dev.alchemy.orm.internal.(*)..").should().beFreeOfCycles());
    }

    @Test
    void theOrmsRoomsAreLayered() {
        String[] rooms = {"mapping", "state", "loading", "relationships", "flush", "session"};
        for (int i = 0; i < rooms.length; i++) {
            String[] above = java.util.Arrays.stream(rooms, i + 1, rooms.length)
                    .map(r -> "dev.alchemy.orm.internal." + r + "..")
                    .toArray(String[]::new);
            if (above.length == 0) {
                continue;
            }
            check(noClasses()
                    .that()
                    .resideInAPackage("dev.alchemy.orm.internal." + rooms[i] + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(above));
        }
    }

    @Test
    void theSessionIsReachedThroughItsInterfacesBelowIt() {
        // collections, loaders and cascades talk to their session through SessionContext, the unit of work through
        // FlushContext: nothing below the session package knows SessionImpl
        check(noClasses()
                .that()
                .resideInAPackage("dev.alchemy.orm.internal..")
                .and()
                .resideOutsideOfPackage("dev.alchemy.orm.internal.session..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.alchemy.orm.internal.session.."));
    }

    @Test
    void noBackDoorsIntoTheSession() {
        // the public ORM API reaches the session through the Session interface only (the Spring starter's shared
        // Session is one too), never through a cast to the implementation or its static helpers
        check(noClasses()
                .that()
                .resideInAPackage("dev.alchemy.orm")
                .and()
                .doNotHaveSimpleName("SessionFactory")
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("dev.alchemy.orm.internal.session.SessionImpl"));
    }

    @Test
    void noStaticMapIsKeyedByClass() {
        // a static map keyed by class holds the classes, and their class loaders, for ever: ClassValue instead
        check(com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields()
                .that()
                .areStatic()
                .should(
                        new com.tngtech.archunit.lang.ArchCondition<com.tngtech.archunit.core.domain.JavaField>(
                                "not be a map keyed by class") {
                            @Override
                            public void check(
                                    com.tngtech.archunit.core.domain.JavaField field,
                                    com.tngtech.archunit.lang.ConditionEvents events) {
                                java.lang.reflect.Type type = field.reflect().getGenericType();
                                if (type instanceof java.lang.reflect.ParameterizedType p
                                        && p.getRawType() instanceof Class<?> raw
                                        && java.util.Map.class.isAssignableFrom(raw)
                                        && (p.getActualTypeArguments()[0] == Class.class
                                                || p.getActualTypeArguments()[0]
                                                                instanceof java.lang.reflect.ParameterizedType k
                                                        && k.getRawType() == Class.class)) {
                                    events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(
                                            field, field.getFullName() + " is a static map keyed by class"));
                                }
                            }
                        })
                .because("caches keyed by class use ClassValue (issue 18)"));
    }

    @Test
    void exceptionsDescendFromTheOneRoot() {
        check(classes()
                .that()
                .resideInAPackage("dev.alchemy.exc")
                .and()
                .areAssignableTo(Throwable.class)
                .should()
                .beAssignableTo(dev.alchemy.exc.AlchemyException.class));
    }
}
