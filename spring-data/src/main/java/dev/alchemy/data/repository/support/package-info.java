/**
 * The machinery behind Alchemy's repositories: {@link dev.alchemy.data.repository.support.AlchemyRepositoryFactory},
 * its factory bean and {@link dev.alchemy.data.repository.support.SimpleAlchemyRepository}, the implementation of
 * {@link dev.alchemy.data.repository.AlchemyRepository}'s methods (a base class for custom repository base classes).
 */
@NullMarked
package dev.alchemy.data.repository.support;

import org.jspecify.annotations.NullMarked;
