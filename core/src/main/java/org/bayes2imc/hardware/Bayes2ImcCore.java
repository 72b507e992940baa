package org.bayes2imc.hardware;

import org.bayes2imc.model.CrossbarTiling;

/**
 * The Bayes2IMC array (docs/MODEL.md §5): one PCM device (or pair) per synapse, rows read one at a time; each column's 1-bit
 * sense amplifier compares the noisy read with the reference, which is the weight sample, and its bit adds or
 * subtracts the row's k-bit activation in a per-column accumulator (bit-parallel digital accumulation, one add per
 * sampled synapse; no ADC, no DAC). Weights are re-read for every output position (per-read sampling), because the
 * array is the only place the sampled weights live.
 */
public final class Bayes2ImcCore implements CoreDesign {

    @Override
    public int devicesPerSynapse(PpaConfig config) {
        return config.devicesPerSynapse();
    }

    @Override
    public void arrayArea(Pricing p, Tally a) {
        int n = p.config().arraySize();
        int synapseColumns = n / p.config().devicesPerSynapse();
        a.add(p.get("cell_1t1r"), (double) n * n, p.get("cell_1t1r").areaUm2());
        a.add(p.get("wordline_driver"), n, p.get("wordline_driver").areaUm2());
        a.add(p.get("bitline_driver"), n, p.get("bitline_driver").areaUm2());
        a.add(p.get("sense_amplifier"), synapseColumns, p.get("sense_amplifier").areaUm2());
        Component acc = p.get("accumulator", p.accumulatorBits());
        a.add(acc, synapseColumns, acc.areaUm2());
    }

    @Override
    public void readEnergy(CrossbarTiling t, long vectors, Pricing p, Tally e) {
        double rows = t.layer().fanIn();
        double synapses = rows * t.layer().outChannels();
        int d = t.devicesPerSynapse();
        e.add(p.get("wordline_driver"), vectors * rows * t.columnBlocks(), p.get("wordline_driver").energyPj());
        e.add(p.get("bitline_driver"), vectors * synapses * d, p.get("bitline_driver").energyPj());
        e.add(p.get("pcm_cell_read"), vectors * synapses * d, p.get("pcm_cell_read").energyPj());
        e.add(p.get("sense_amplifier"), vectors * synapses, p.get("sense_amplifier").energyPj());
        Component acc = p.get("accumulator", p.accumulatorBits());
        e.add(acc, vectors * synapses, acc.energyPj());
    }

    @Override
    public double vectorLatencyNs(CrossbarTiling t, Pricing p) {
        // Read, sense and accumulate are pipelined: one row per step, the step set by the slowest of the three.
        double step = Math.max(p.get("pcm_cell_read").latencyNs(),
                Math.max(p.get("sense_amplifier").latencyNs(), p.config().clockNs()));
        return CoreDesign.rowsPerBlock(t) * step;
    }
}
