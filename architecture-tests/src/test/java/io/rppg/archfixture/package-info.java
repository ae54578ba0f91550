/**
 * A small hexagon broken on purpose, once for each architecture rule, so that {@code RulesCanFailTest} can show
 * that every rule reports its break. Nothing here is part of the platform.
 */
package io.rppg.archfixture;
