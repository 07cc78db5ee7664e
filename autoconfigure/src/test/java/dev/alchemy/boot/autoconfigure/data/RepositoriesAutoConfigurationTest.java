package dev.alchemy.boot.autoconfigure.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alchemy.boot.autoconfigure.AlchemyAutoConfiguration;
import dev.alchemy.boot.autoconfigure.AlchemyDataSourceAutoConfiguration;
import dev.alchemy.boot.autoconfigure.AlchemyRepositoriesAutoConfiguration;
import dev.alchemy.boot.repositorymistakes.MisspelledRepository;
import dev.alchemy.boot.repositorymistakes.WrongLoadRepository;
import dev.alchemy.data.repository.AlchemyRepository;
import dev.alchemy.data.repository.config.EnableAlchemyRepositories;
import dev.alchemy.data.repository.support.AlchemyRepositoryFactoryBean;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.data.repository.Repository;

/** When the repositories are auto-configured, and when the auto-configuration backs off. */
class RepositoriesAutoConfigurationTest {

    @TempDir
    Path dir;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(
                        AlchemyDataSourceAutoConfiguration.class,
                        DataSourceAutoConfiguration.class,
                        DataSourceTransactionManagerAutoConfiguration.class,
                        TransactionAutoConfiguration.class,
                        AlchemyAutoConfiguration.class,
                        AlchemyRepositoriesAutoConfiguration.class))
                .withPropertyValues("alchemy.url=sqlite:///" + dir.resolve("app.db"));
    }

    @Configuration(proxyBeanMethods = false)
    @AutoConfigurationPackage
    static class ThisPackage {}

    @Configuration(proxyBeanMethods = false)
    @EnableAlchemyRepositories(basePackageClasses = PetRepository.class)
    static class OwnConfiguration {}

    @Test
    void repositoriesOfTheApplicationsPackageAreBeans() {
        runner().withUserConfiguration(ThisPackage.class).run(context -> {
            assertThat(context)
                    .hasNotFailed()
                    .hasSingleBean(OwnerRepository.class)
                    .hasSingleBean(PetRepository.class);
            assertThat(context.getBean(OwnerRepository.class).count()).isZero();
        });
    }

    @Test
    void turnedOffByProperty() {
        runner().withUserConfiguration(ThisPackage.class)
                .withPropertyValues("alchemy.repositories.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(OwnerRepository.class));
    }

    @Test
    void backsOffWithoutSpringData() {
        runner().withUserConfiguration(ThisPackage.class)
                .withClassLoader(new FilteredClassLoader(Repository.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(OwnerRepository.class));
        runner().withUserConfiguration(ThisPackage.class)
                .withClassLoader(new FilteredClassLoader(AlchemyRepository.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(OwnerRepository.class));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAlchemyRepositories(
            basePackageClasses = MisspelledRepository.class,
            includeFilters = @Filter(type = FilterType.ASSIGNABLE_TYPE, classes = MisspelledRepository.class))
    static class Misspelled {}

    @Configuration(proxyBeanMethods = false)
    @EnableAlchemyRepositories(
            basePackageClasses = WrongLoadRepository.class,
            includeFilters = @Filter(type = FilterType.ASSIGNABLE_TYPE, classes = WrongLoadRepository.class))
    static class WrongLoad {}

    @Test
    void aDerivedQueryOnAPropertyTheClassLacksFailsTheStart() {
        runner().withUserConfiguration(Misspelled.class)
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("surname")
                        .hasMessageContaining("Owner"));
    }

    @Test
    void loadWithOfAColumnFailsTheStart() {
        runner().withUserConfiguration(WrongLoad.class)
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("Owner.city, which is not a relationship"));
    }

    @Test
    void backsOffForTheApplicationsOwnEnableAlchemyRepositories() {
        runner().withUserConfiguration(ThisPackage.class, OwnConfiguration.class)
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(OwnerRepository.class);
                    assertThat(context.getBeansOfType(AlchemyRepositoryFactoryBean.class))
                            .hasSize(3);
                });
    }
}
