package org.bayes2imc.cli;

import java.util.function.Predicate;

/**
 * Which options the user gave on the command line (by any of their names): only those override an experiment file,
 * so a value the file sets is not silently replaced by an option's default.
 */
@FunctionalInterface
interface Given extends Predicate<String> {
    /** Every option counts as given: the options' own defaults apply (no file, or a test of the defaults). */
    Given ALL = option -> true;
}
