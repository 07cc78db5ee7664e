package dev.alchemy.orm;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stores a field through an {@link AttributeConverter}, like SQLAlchemy's {@code TypeDecorator}.
 *
 * <pre>{@code
 * @Column @Convert(MoneyConverter.class) public Money price;   // stored as NUMERIC
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Convert {

    /** @return the converter class, with a no-argument constructor */
    @SuppressWarnings("rawtypes")
    Class<? extends AttributeConverter> value();
}
