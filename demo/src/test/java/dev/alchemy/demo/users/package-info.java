/** Tests of the users API. */
@NullMarked
package dev.alchemy.demo.users;

import org.jspecify.annotations.NullMarked;
