package org.bayes2imc.imc;

/**
 * What a sense amplifier compares a synapse read against at one time: a reference with mean {@code mean(c)} µS and
 * read-noise standard deviation {@code sigma(c)} µS (0 for a fixed or digitally rescaled reference) for column c.
 * A single entry applies to every column.
 */
public record SenseReference(double[] meanMicroSiemens, double[] sigmaMicroSiemens) {
    public SenseReference {
        if (meanMicroSiemens.length != sigmaMicroSiemens.length || meanMicroSiemens.length == 0) {
            throw new IllegalArgumentException("reference needs one mean and one sigma per column");
        }
    }

    /** The same noiseless reference for every column. */
    public static SenseReference fixed(double microSiemens) {
        return new SenseReference(new double[] {microSiemens}, new double[] {0.0});
    }

    public double mean(int column) {
        return meanMicroSiemens.length == 1 ? meanMicroSiemens[0] : meanMicroSiemens[column];
    }

    public double sigma(int column) {
        return sigmaMicroSiemens.length == 1 ? sigmaMicroSiemens[0] : sigmaMicroSiemens[column];
    }

    public boolean perColumn() {
        return meanMicroSiemens.length > 1;
    }
}
