package org.bayes2imc.hardware;

import org.bayes2imc.model.CrossbarTiling;

/**
 * The SRAM baseline array (docs/MODEL.md §6): each synapse's p is a b-bit word in b SRAM cells of one row; rows are read one
 * at a time, each column's sense amplifier gives one bit, and per synapse column one LFSR step and one b-bit
 * comparator turn the word into a weight sample that adds or subtracts the k-bit activation in a per-column
 * accumulator (same digital accumulation as Bayes2IMC). One LFSR and comparator per synapse column serve its rows.
 */
public final class SramCore implements CoreDesign {

    @Override
    public int devicesPerSynapse(PpaConfig config) {
        return config.pBits();
    }

    @Override
    public void arrayArea(Pricing p, Tally a) {
        int n = p.config().arraySize();
        int b = p.config().pBits();
        int synapseColumns = n / b;
        a.add(p.get("sram_cell"), (double) n * n, p.get("sram_cell").areaUm2());
        a.add(p.get("wordline_driver"), n, p.get("wordline_driver").areaUm2());
        a.add(p.get("bitline_driver"), n, p.get("bitline_driver").areaUm2());
        a.add(p.get("sense_amplifier"), n, p.get("sense_amplifier").areaUm2());
        Component lfsr = p.get("lfsr", b);
        Component cmp = p.get("comparator", b);
        Component acc = p.get("accumulator", p.accumulatorBits());
        a.add(lfsr, synapseColumns, lfsr.areaUm2());
        a.add(cmp, synapseColumns, cmp.areaUm2());
        a.add(acc, synapseColumns, acc.areaUm2());
    }

    @Override
    public void readEnergy(CrossbarTiling t, long vectors, Pricing p, Tally e) {
        double rows = t.layer().fanIn();
        double synapses = rows * t.layer().outChannels();
        int b = p.config().pBits();
        e.add(p.get("wordline_driver"), vectors * rows * t.columnBlocks(), p.get("wordline_driver").energyPj());
        // The bit-line precharge is inside sram_cell_read (C_BL·VDD·ΔV).
        e.add(p.get("sram_cell_read"), vectors * synapses * b, p.get("sram_cell_read").energyPj());
        e.add(p.get("sense_amplifier"), vectors * synapses * b, p.get("sense_amplifier").energyPj());
        Component lfsr = p.get("lfsr", b);
        Component cmp = p.get("comparator", b);
        Component acc = p.get("accumulator", p.accumulatorBits());
        e.add(lfsr, vectors * synapses, lfsr.energyPj());
        e.add(cmp, vectors * synapses, cmp.energyPj());
        e.add(acc, vectors * synapses, acc.energyPj());
    }

    @Override
    public double vectorLatencyNs(CrossbarTiling t, Pricing p) {
        double step = Math.max(p.get("sram_cell_read").latencyNs(),
                Math.max(p.get("sense_amplifier").latencyNs(), p.config().clockNs()));
        return CoreDesign.rowsPerBlock(t) * step;
    }
}
