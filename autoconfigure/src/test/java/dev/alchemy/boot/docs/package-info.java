/** The Java snippets of {@code docs/spring-boot.md}, as a running application and its tests. */
@NullMarked
package dev.alchemy.boot.docs;

import org.jspecify.annotations.NullMarked;
