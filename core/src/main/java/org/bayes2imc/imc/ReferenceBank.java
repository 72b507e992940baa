package org.bayes2imc.imc;

/** The reference devices a drift-compensation strategy programmed for one layer of one deployment. */
public interface ReferenceBank {
    /** The sense amplifiers' reference {@code seconds} after programming. */
    SenseReference at(double seconds);

    /** Reference devices this bank holds (device-count cost of the strategy). */
    int devices();
}
