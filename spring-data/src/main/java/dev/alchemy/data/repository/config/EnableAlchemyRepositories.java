package dev.alchemy.data.repository.config;

import dev.alchemy.data.repository.support.AlchemyRepositoryFactoryBean;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.beans.factory.support.BeanNameGenerator;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.Import;
import org.springframework.data.repository.config.BootstrapMode;
import org.springframework.data.repository.config.DefaultRepositoryBaseClass;
import org.springframework.data.repository.query.QueryLookupStrategy;

/**
 * Creates a bean for every Alchemy repository interface in the annotated class's package (or the packages given),
 * as {@code @EnableJpaRepositories} does for JPA. Spring Boot applications with {@code alchemy-spring-data} on the
 * class path need not write it: the auto-configuration scans the application's package.
 *
 * <pre>{@code
 * @Configuration
 * @EnableAlchemyRepositories(basePackages = "com.example.petclinic")
 * class PersistenceConfig {}
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Import(AlchemyRepositoriesRegistrar.class)
public @interface EnableAlchemyRepositories {

    /** @return an alias of {@link #basePackages()} */
    String[] value() default {};

    /** @return packages to scan for repository interfaces; the annotated class's package when empty */
    String[] basePackages() default {};

    /** @return classes whose packages are scanned, a type-safe {@link #basePackages()} */
    Class<?>[] basePackageClasses() default {};

    /** @return which interfaces to take */
    Filter[] includeFilters() default {};

    /** @return which interfaces to leave out */
    Filter[] excludeFilters() default {};

    /** @return the postfix of custom implementation classes */
    String repositoryImplementationPostfix() default "Impl";

    /** @return where named queries are read from (Alchemy repositories do not use them yet) */
    String namedQueriesLocation() default "";

    /** @return how query methods find their query; {@code CREATE_IF_NOT_FOUND}: {@code @Query}, else the name */
    QueryLookupStrategy.Key queryLookupStrategy() default QueryLookupStrategy.Key.CREATE_IF_NOT_FOUND;

    /** @return the factory bean of each repository */
    Class<?> repositoryFactoryBeanClass() default AlchemyRepositoryFactoryBean.class;

    /** @return a base class for every repository, extending {@code SimpleAlchemyRepository} */
    Class<?> repositoryBaseClass() default DefaultRepositoryBaseClass.class;

    /** @return how bean names are made */
    Class<? extends BeanNameGenerator> nameGenerator() default BeanNameGenerator.class;

    /** @return whether interfaces nested in other classes are repositories too */
    boolean considerNestedRepositories() default false;

    /** @return whether repositories are created at startup, lazily, or deferred */
    BootstrapMode bootstrapMode() default BootstrapMode.DEFAULT;

    /** @return the bean name of the {@code Session} to use; the only {@code Session} bean when empty */
    String sessionRef() default "";

    /** @return the bean name of the transaction manager repository methods use */
    String transactionManagerRef() default "transactionManager";
}
