package dev.alchemy.boot.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.annotation.BeanFactoryAnnotationUtils;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Puts the application's DataSource behind a {@link ReplicaRoutingDataSource} when a replica is configured: the
 * DataSource bean qualified {@value AlchemyReplicaAutoConfiguration#QUALIFIER} (the one built from
 * {@code alchemy.replica.url}, or the application's own). Wrapping the bean itself, rather than adding another, is
 * what makes every user of the DataSource route alike: the transaction manager, {@code JdbcTemplate}, Alchemy's
 * engine. Only the DataSource that is injected by type is wrapped (the single default candidate, or the
 * {@code @Primary} one among several); other DataSources and the replica itself are left alone.
 */
final class ReplicaRouting implements BeanPostProcessor, BeanFactoryAware {

    private @Nullable ConfigurableListableBeanFactory beanFactory;

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        if (beanFactory instanceof ConfigurableListableBeanFactory listable) {
            this.beanFactory = listable;
        }
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
        ConfigurableListableBeanFactory factory = beanFactory;
        if (factory == null
                || !(bean instanceof DataSource primary)
                || bean instanceof DelegatingDataSource // already a proxy of some kind: the application routes
                || !factory.containsBeanDefinition(beanName)) {
            return bean;
        }
        String replica = replicaName(factory);
        if (replica == null || replica.equals(beanName) || !isTheInjectedDataSource(factory, beanName, replica)) {
            return bean;
        }
        return new ReplicaRoutingDataSource(primary, factory.getBean(replica, DataSource.class));
    }

    private static @Nullable String replicaName(ConfigurableListableBeanFactory factory) {
        List<String> found = new ArrayList<>();
        for (String name : factory.getBeanNamesForType(DataSource.class, true, false)) {
            if (BeanFactoryAnnotationUtils.isQualifierMatch(
                    AlchemyReplicaAutoConfiguration.QUALIFIER::equals, name, factory)) {
                found.add(name);
            }
        }
        if (found.size() > 1) {
            throw new IllegalStateException("several DataSource beans are qualified '"
                    + AlchemyReplicaAutoConfiguration.QUALIFIER + "' " + found + ": Alchemy routes read-only "
                    + "transactions to one replica; to spread reads over several, give it one DataSource that "
                    + "balances them (e.g. a PostgreSQL JDBC URL with several hosts and loadBalanceHosts=true)");
        }
        return found.isEmpty() ? null : found.get(0);
    }

    private static boolean isTheInjectedDataSource(
            ConfigurableListableBeanFactory factory, String beanName, String replica) {
        if (!isDefaultCandidate(factory, beanName)) {
            return false;
        }
        int candidates = 0;
        for (String name : factory.getBeanNamesForType(DataSource.class, true, false)) {
            if (!name.equals(replica) && isDefaultCandidate(factory, name)) {
                candidates++;
            }
        }
        return candidates == 1 || factory.getMergedBeanDefinition(beanName).isPrimary();
    }

    private static boolean isDefaultCandidate(ConfigurableListableBeanFactory factory, String name) {
        if (!factory.containsBeanDefinition(name)) {
            return true; // a registered singleton: injected by type like any other
        }
        BeanDefinition definition = factory.getMergedBeanDefinition(name);
        return definition.isAutowireCandidate()
                && !(definition instanceof AbstractBeanDefinition abstractDefinition
                        && !abstractDefinition.isDefaultCandidate());
    }
}
