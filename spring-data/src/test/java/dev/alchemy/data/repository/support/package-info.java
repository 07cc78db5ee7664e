/** Tests of the repository machinery without a Spring application context. */
@NullMarked
package dev.alchemy.data.repository.support;

import org.jspecify.annotations.NullMarked;
