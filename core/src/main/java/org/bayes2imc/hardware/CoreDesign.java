package org.bayes2imc.hardware;

import org.bayes2imc.model.CrossbarTiling;

/**
 * What one core design contributes at array level (NeuroSim's subarray + periphery): how many cells a synapse
 * takes, the area of one array with its periphery, the energy of reading input vectors through a tiled plane, and
 * the time one array takes per input vector. Everything above the array (PE, tile, chip) is common to all designs.
 */
public interface CoreDesign {

    /** Adjacent columns (cells) one synapse occupies; passed to CrossbarTiling. */
    int devicesPerSynapse(PpaConfig config);

    /** Adds the area (µm²) of one array with its periphery. */
    void arrayArea(Pricing p, Tally areaUm2);

    /** Adds the energy (pJ) of pushing {@code vectors} input vectors through every array of the tiling. */
    void readEnergy(CrossbarTiling tiling, long vectors, Pricing p, Tally energyPj);

    /** Nanoseconds one array takes for one input vector (row blocks work in parallel). */
    double vectorLatencyNs(CrossbarTiling tiling, Pricing p);

    /** Rows of the tallest row block: the rows one array reads for one vector. */
    static int rowsPerBlock(CrossbarTiling t) {
        return Math.min(t.arrayRows(), t.layer().fanIn());
    }
}
