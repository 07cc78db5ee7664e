/** The MySQL and MariaDB dialect: one dialect for both servers, which finds out which it talks to on connecting. */
@NullMarked
package dev.alchemy.dialect.mysql;

import org.jspecify.annotations.NullMarked;
