package dev.alchemy.boot.test.autoconfigure;

import org.springframework.boot.test.context.filter.annotation.StandardAnnotationCustomizableTypeExcludeFilter;

/**
 * Keeps the application's own components out of an {@link AlchemyTest} unless its include filters name them. Models
 * are not components: they are found by Alchemy's scan, not by this filter.
 */
final class AlchemyTypeExcludeFilter extends StandardAnnotationCustomizableTypeExcludeFilter<AlchemyTest> {

    AlchemyTypeExcludeFilter(Class<?> testClass) {
        super(testClass);
    }
}
