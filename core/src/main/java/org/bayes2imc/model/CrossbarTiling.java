package org.bayes2imc.model;

import org.bayes2imc.model.LayerSpec;

/**
 * How one layer lands on crossbar arrays of {@code rows × cols} cells: the weight matrix is fanIn × outChannels
 * (im2col rows for conv: in·k·k inputs on the word lines, one output channel per bit line), cut into whole arrays.
 * A synapse occupies {@code devicesPerSynapse} adjacent columns (2 for a differential pair).
 */
public record CrossbarTiling(LayerSpec layer, int arrayRows, int arrayCols, int devicesPerSynapse) {

    public static final int DEFAULT_ARRAY_SIZE = 128;

    public CrossbarTiling {
        if (arrayRows <= 0 || arrayCols <= 0 || Integer.bitCount(arrayRows) != 1 || Integer.bitCount(arrayCols) != 1) {
            throw new IllegalArgumentException("array size must be a positive power of two, got " + arrayRows + "x" + arrayCols);
        }
        if (devicesPerSynapse < 1 || devicesPerSynapse > arrayCols) {
            throw new IllegalArgumentException("devices per synapse must be in [1, array columns], got " + devicesPerSynapse);
        }
    }

    public static CrossbarTiling of(LayerSpec layer, int arraySize) {
        return new CrossbarTiling(layer, arraySize, arraySize, 1);
    }

    /** Synapse columns available per array. */
    public int synapsesPerArrayRow() {
        return arrayCols / devicesPerSynapse;
    }

    /** Arrays stacked along the input (word-line) dimension. */
    public int rowBlocks() {
        return ceilDiv(layer.fanIn(), arrayRows);
    }

    /** Arrays side by side along the output (bit-line) dimension. */
    public int columnBlocks() {
        return ceilDiv(layer.outChannels(), synapsesPerArrayRow());
    }

    public int arrays() {
        return rowBlocks() * columnBlocks();
    }

    /** Row block (array index along the inputs) holding input row r of the weight matrix. */
    public int rowBlockOf(int inputRow) {
        return inputRow / arrayRows;
    }

    /** Fraction of the arrays' cells that hold synapse devices. */
    public double utilisation() {
        return (double) layer.weightCount() * devicesPerSynapse / ((double) arrays() * arrayRows * arrayCols);
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
