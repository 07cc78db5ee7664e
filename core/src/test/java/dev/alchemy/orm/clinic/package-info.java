/**
 * A small Spring PetClinic in Alchemy's terms (private fields, getters and setters, an unmapped
 * {@code BaseEntity > NamedEntity / Person} superclass chain), and the suites that port of a Spring Data JPA
 * application needed (issue 25): getter references to inherited getters, detached graphs, merge, loader options.
 */
@NullMarked
package dev.alchemy.orm.clinic;

import org.jspecify.annotations.NullMarked;
