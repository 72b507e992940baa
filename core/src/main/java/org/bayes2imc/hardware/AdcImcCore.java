package org.bayes2imc.hardware;

import org.bayes2imc.model.CrossbarTiling;

/**
 * A conventional analog crossbar (NeuroSim style): one bit per cell, w cells per weight, all rows of an array driven
 * at once by 1-bit DACs with the k activation bits applied serially; each column current is digitised by a column
 * ADC shared by {@code adc_column_mux} columns, and a shift-add unit per ADC combines input and weight bits.
 */
public final class AdcImcCore implements CoreDesign {

    @Override
    public int devicesPerSynapse(PpaConfig config) {
        return config.adcWeightBits();
    }

    @Override
    public void arrayArea(Pricing p, Tally a) {
        PpaConfig c = p.config();
        int n = c.arraySize();
        int adcs = Math.max(1, n / c.adcColumnMux());
        a.add(p.get("cell_1t1r"), (double) n * n, p.get("cell_1t1r").areaUm2());
        a.add(p.get("dac"), n, p.get("dac").areaUm2());
        a.add(p.get("bitline_driver"), n, p.get("bitline_driver").areaUm2());
        Component adc = p.get("adc", c.adcBits());
        a.add(adc, adcs, adc.areaUm2());
        Component sa = p.get("shift_add", shiftAddBits(p));
        a.add(sa, adcs, sa.areaUm2());
    }

    private static int shiftAddBits(Pricing p) {
        return p.accumulatorBits() + p.config().adcWeightBits() - 1;
    }

    @Override
    public void readEnergy(CrossbarTiling t, long vectors, Pricing p, Tally e) {
        PpaConfig c = p.config();
        double rows = t.layer().fanIn();
        double columns = (double) t.layer().outChannels() * t.devicesPerSynapse();
        double cycles = (double) vectors * c.activationBits();
        double activity = c.inputBitActivity();
        e.add(p.get("dac"), cycles * rows * t.columnBlocks() * activity, p.get("dac").energyPj());
        e.add(p.get("pcm_cell_read"), cycles * rows * columns * activity, p.get("pcm_cell_read").energyPj());
        e.add(p.get("bitline_driver"), cycles * columns * t.rowBlocks(), p.get("bitline_driver").energyPj());
        Component adc = p.get("adc", c.adcBits());
        e.add(adc, cycles * columns * t.rowBlocks(), adc.energyPj());
        Component sa = p.get("shift_add", shiftAddBits(p));
        e.add(sa, cycles * columns * t.rowBlocks(), sa.energyPj());
    }

    @Override
    public double vectorLatencyNs(CrossbarTiling t, Pricing p) {
        PpaConfig c = p.config();
        double read = Math.max(p.get("pcm_cell_read").latencyNs(), c.clockNs());
        double convert = Math.min(c.adcColumnMux(), t.arrayCols()) * Math.max(p.get("adc", c.adcBits()).latencyNs(), 0);
        return c.activationBits() * (read + convert);
    }
}
