package dev.alchemy.boot.autoconfigure;

import dev.alchemy.exc.AlchemyException;
import java.lang.reflect.Method;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.support.StaticMethodMatcherPointcutAdvisor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.support.PersistenceExceptionTranslator;
import org.springframework.transaction.annotation.AnnotationTransactionAttributeSource;
import org.springframework.transaction.interceptor.TransactionAttributeSource;

/**
 * Translates the Alchemy exceptions that leave a {@code @Transactional} method into Spring
 * {@code DataAccessException}s, as Spring does for {@code @Repository} beans. Many of them never pass through the
 * shared {@code Session}: a {@code Query}'s {@code all()}, or a lazy load of a relationship, runs on the
 * transaction's Session itself, and may autoflush and find a duplicate key there. The translator is looked up on
 * first use, so the advisor can be created early, as auto-proxying requires, without pulling the data source along.
 */
final class TransactionalExceptionTranslationAdvisor extends StaticMethodMatcherPointcutAdvisor {

    private final TransactionAttributeSource transactional = new AnnotationTransactionAttributeSource(false);

    TransactionalExceptionTranslationAdvisor(ObjectProvider<? extends PersistenceExceptionTranslator> translator) {
        setAdvice(new TranslatingInterceptor(translator));
    }

    @Override
    public boolean matches(Method method, Class<?> targetClass) {
        return transactional.getTransactionAttribute(method, targetClass) != null;
    }

    private record TranslatingInterceptor(ObjectProvider<? extends PersistenceExceptionTranslator> translator)
            implements MethodInterceptor {

        @Override
        public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
            try {
                return invocation.proceed();
            } catch (AlchemyException ex) {
                PersistenceExceptionTranslator available = translator.getIfAvailable();
                DataAccessException translated = available != null ? available.translateExceptionIfPossible(ex) : null;
                throw translated != null ? translated : ex;
            }
        }
    }
}
