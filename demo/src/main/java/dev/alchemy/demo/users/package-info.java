/** The demo's domain: users with addresses, their service and their JSON API. */
@NullMarked
package dev.alchemy.demo.users;

import org.jspecify.annotations.NullMarked;
