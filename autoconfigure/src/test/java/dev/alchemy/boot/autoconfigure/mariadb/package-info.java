/** The starter on a real MariaDB: dialect detection, a shared transaction, Spring exceptions for its errors. */
@NullMarked
package dev.alchemy.boot.autoconfigure.mariadb;

import org.jspecify.annotations.NullMarked;
