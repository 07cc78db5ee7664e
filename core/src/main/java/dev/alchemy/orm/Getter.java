package dev.alchemy.orm;

import java.io.Serializable;
import java.util.function.Function;

/**
 * A method reference to a model's getter, {@code User::getName}: the ORM resolves it once (through its
 * {@code SerializedLambda}) to the mapped attribute, so predicates are checked by the compiler.
 *
 * @param <T> the model class
 * @param <R> the attribute's type
 */
@FunctionalInterface
public interface Getter<T, R> extends Function<T, R>, Serializable {}
