package org.bayes2imc.hardware;

import org.bayes2imc.model.CrossbarTiling;

import java.util.List;

/**
 * The architecture settings of a PPA evaluation (NeuroSim-style chip → tile → PE → array), with documented
 * defaults: NeuroSim's 22 nm, 0.8 V, 1 GHz, 128×128 subarrays; 8-bit activations; 8-bit p words for the SRAM
 * baseline (docs/MODEL.md §6); 4-bit column ADCs shared by 8 columns for adc-imc.
 *
 * @param arraySize          crossbar rows = columns (power of two)
 * @param activationBits     k, bits of the (quantised) activations fed to every array
 * @param pBits              b, bits of the SRAM baseline's probability word
 * @param adcBits            column ADC resolution (adc-imc)
 * @param adcColumnMux       columns sharing one ADC (adc-imc)
 * @param adcWeightBits      weight bits of adc-imc, one bit per cell (1 for binary weights; 8 for NeuroSim's VGG8)
 * @param inputBitActivity   fraction of input bits that are 1 in bit-serial adc-imc reads (drives cell and DAC energy)
 * @param devicesPerSynapse  PCM devices per Bayes2IMC synapse (1; 2 = differential pair)
 * @param nodeNm             technology node every component is scaled to
 * @param vddV               supply voltage at that node
 * @param clockGhz           digital clock
 * @param arraysPerPe        arrays per processing element (they share an adder tree)
 * @param pesPerTile         processing elements per tile (they share a buffer and BN/ReLU units)
 * @param tileBufferKib      SRAM buffer per tile
 * @param bnUnitsPerTile     BatchNorm/ReLU units per tile
 * @param interconnectMm     mean distance a layer output travels to the next tile
 */
public record PpaConfig(int arraySize, int activationBits, int pBits, int adcBits, int adcColumnMux, int adcWeightBits,
                        double inputBitActivity, int devicesPerSynapse, double nodeNm, double vddV, double clockGhz,
                        int arraysPerPe, int pesPerTile, int tileBufferKib, int bnUnitsPerTile, double interconnectMm) {

    /** Keys accepted by {@link #with(String, double)} (and --sweep, with "samples" handled by the caller). */
    public static final List<String> KEYS = List.of("array_size", "activation_bits", "p_bits", "adc_bits",
            "adc_column_mux", "adc_weight_bits", "input_bit_activity", "devices_per_synapse", "node_nm", "vdd_v",
            "clock_ghz", "arrays_per_pe", "pes_per_tile", "tile_buffer_kib", "bn_units_per_tile", "interconnect_mm");

    public PpaConfig {
        // Physical ranges: beyond them the model extrapolates into nonsense (an array of 2^30 rows has an area of
        // 10^12 mm^2; a 64-bit column ADC does not exist), so such a configuration is refused rather than priced.
        if (arraySize < MIN_ARRAY_SIZE || arraySize > MAX_ARRAY_SIZE) {
            throw new IllegalArgumentException("array_size must be a power of two in " + MIN_ARRAY_SIZE + ".."
                    + MAX_ARRAY_SIZE + ", got " + arraySize);
        }
        new CrossbarTiling(null, arraySize, arraySize, 1); // validates the array size (power of two)
        bits("activation_bits", activationBits);
        bits("p_bits", pBits);
        bits("adc_bits", adcBits);
        bits("adc_weight_bits", adcWeightBits);
        positive("adc_column_mux", adcColumnMux);
        positive("devices_per_synapse", devicesPerSynapse);
        positive("arrays_per_pe", arraysPerPe);
        positive("pes_per_tile", pesPerTile);
        positive("bn_units_per_tile", bnUnitsPerTile);
        if (tileBufferKib < 0) {
            throw new IllegalArgumentException("tile_buffer_kib must be >= 0, got " + tileBufferKib);
        }
        if (!(inputBitActivity >= 0 && inputBitActivity <= 1)) {
            throw new IllegalArgumentException("input_bit_activity must be in [0, 1], got " + inputBitActivity);
        }
        if (!(nodeNm > 0 && vddV > 0 && clockGhz > 0 && interconnectMm >= 0)) {
            throw new IllegalArgumentException("node_nm, vdd_v, clock_ghz must be positive and interconnect_mm >= 0");
        }
        if (adcColumnMux > arraySize || pBits > arraySize || adcWeightBits > arraySize || devicesPerSynapse > arraySize) {
            throw new IllegalArgumentException("adc_column_mux, p_bits, adc_weight_bits and devices_per_synapse must not exceed array_size " + arraySize);
        }
    }

    private static void positive(String key, int v) {
        if (v <= 0) {
            throw new IllegalArgumentException(key + " must be positive, got " + v);
        }
    }

    /** Smallest and largest crossbar edge the cost model is meant for (published arrays: 64..1024). */
    public static final int MIN_ARRAY_SIZE = 8;
    public static final int MAX_ARRAY_SIZE = 4096;
    /** Widest word, ADC or activation the cost model prices. */
    public static final int MAX_BITS = 16;

    private static void bits(String key, int v) {
        if (v < 1 || v > MAX_BITS) {
            throw new IllegalArgumentException(key + " must be in 1.." + MAX_BITS + ", got " + v);
        }
    }

    public static PpaConfig defaults() {
        return new PpaConfig(CrossbarTiling.DEFAULT_ARRAY_SIZE, 8, 8, 4, 8, 1, 0.5, 1, 22, 0.8, 1.0, 4, 4, 64, 16, 1.0);
    }

    public double clockNs() {
        return 1.0 / clockGhz;
    }

    /** A copy with one key changed (sweeps and CLI overrides); unknown keys or bad values are one-line errors. */
    public PpaConfig with(String key, double v) {
        int i = (int) Math.round(v);
        boolean integral = Math.abs(v - i) < 1e-9;
        String k = key.trim().toLowerCase(java.util.Locale.ROOT).replace('-', '_');
        if (!KEYS.contains(k)) { // before the integer check, so a misspelt key is named as unknown
            throw new IllegalArgumentException("unknown config key '" + key + "'; known: " + KEYS + ", samples");
        }
        if (!k.equals("input_bit_activity") && !k.equals("node_nm") && !k.equals("vdd_v") && !k.equals("clock_ghz")
                && !k.equals("interconnect_mm") && !integral) {
            throw new IllegalArgumentException(key + " must be an integer, got " + v);
        }
        return switch (k) {
            case "array_size" -> new PpaConfig(i, activationBits, pBits, adcBits, adcColumnMux, adcWeightBits, inputBitActivity, devicesPerSynapse, nodeNm, vddV, clockGhz, arraysPerPe, pesPerTile, tileBufferKib, bnUnitsPerTile, interconnectMm);
            case "activation_bits" -> new PpaConfig(arraySize, i, pBits, adcBits, adcColumnMux, adcWeightBits, inputBitActivity, devicesPerSynapse, nodeNm, vddV, clockGhz, arraysPerPe, pesPerTile, tileBufferKib, bnUnitsPerTile, interconnectMm);
            case "p_bits" -> new PpaConfig(arraySize, activationBits, i, adcBits, adcColumnMux, adcWeightBits, inputBitActivity, devicesPerSynapse, nodeNm, vddV, clockGhz, arraysPerPe, pesPerTile, tileBufferKib, bnUnitsPerTile, interconnectMm);
            case "adc_bits" -> new PpaConfig(arraySize, activationBits, pBits, i, adcColumnMux, adcWeightBits, inputBitActivity, devicesPerSynapse, nodeNm, vddV, clockGhz, arraysPerPe, pesPerTile, tileBufferKib, bnUnitsPerTile, interconnectMm);
            case "adc_column_mux" -> new PpaConfig(arraySize, activationBits, pBits, adcBits, i, adcWeightBits, inputBitActivity, devicesPerSynapse, nodeNm, vddV, clockGhz, arraysPerPe, pesPerTile, tileBufferKib, bnUnitsPerTile, interconnectMm);
            case "adc_weight_bits" -> new PpaConfig(arraySize, activationBits, pBits, adcBits, adcColumnMux, i, inputBitActivity, devicesPerSynapse, nodeNm, vddV, clockGhz, arraysPerPe, pesPerTile, tileBufferKib, bnUnitsPerTile, interconnectMm);
            case "input_bit_activity" -> new PpaConfig(arraySize, activationBits, pBits, adcBits, adcColumnMux, adcWeightBits, v, devicesPerSynapse, nodeNm, vddV, clockGhz, arraysPerPe, pesPerTile, tileBufferKib, bnUnitsPerTile, interconnectMm);
            case "devices_per_synapse" -> new PpaConfig(arraySize, activationBits, pBits, adcBits, adcColumnMux, adcWeightBits, inputBitActivity, i, nodeNm, vddV, clockGhz, arraysPerPe, pesPerTile, tileBufferKib, bnUnitsPerTile, interconnectMm);
            case "node_nm" -> new PpaConfig(arraySize, activationBits, pBits, adcBits, adcColumnMux, adcWeightBits, inputBitActivity, devicesPerSynapse, v, vddV, clockGhz, arraysPerPe, pesPerTile, tileBufferKib, bnUnitsPerTile, interconnectMm);
            case "vdd_v" -> new PpaConfig(arraySize, activationBits, pBits, adcBits, adcColumnMux, adcWeightBits, inputBitActivity, devicesPerSynapse, nodeNm, v, clockGhz, arraysPerPe, pesPerTile, tileBufferKib, bnUnitsPerTile, interconnectMm);
            case "clock_ghz" -> new PpaConfig(arraySize, activationBits, pBits, adcBits, adcColumnMux, adcWeightBits, inputBitActivity, devicesPerSynapse, nodeNm, vddV, v, arraysPerPe, pesPerTile, tileBufferKib, bnUnitsPerTile, interconnectMm);
            case "arrays_per_pe" -> new PpaConfig(arraySize, activationBits, pBits, adcBits, adcColumnMux, adcWeightBits, inputBitActivity, devicesPerSynapse, nodeNm, vddV, clockGhz, i, pesPerTile, tileBufferKib, bnUnitsPerTile, interconnectMm);
            case "pes_per_tile" -> new PpaConfig(arraySize, activationBits, pBits, adcBits, adcColumnMux, adcWeightBits, inputBitActivity, devicesPerSynapse, nodeNm, vddV, clockGhz, arraysPerPe, i, tileBufferKib, bnUnitsPerTile, interconnectMm);
            case "tile_buffer_kib" -> new PpaConfig(arraySize, activationBits, pBits, adcBits, adcColumnMux, adcWeightBits, inputBitActivity, devicesPerSynapse, nodeNm, vddV, clockGhz, arraysPerPe, pesPerTile, i, bnUnitsPerTile, interconnectMm);
            case "bn_units_per_tile" -> new PpaConfig(arraySize, activationBits, pBits, adcBits, adcColumnMux, adcWeightBits, inputBitActivity, devicesPerSynapse, nodeNm, vddV, clockGhz, arraysPerPe, pesPerTile, tileBufferKib, i, interconnectMm);
            case "interconnect_mm" -> new PpaConfig(arraySize, activationBits, pBits, adcBits, adcColumnMux, adcWeightBits, inputBitActivity, devicesPerSynapse, nodeNm, vddV, clockGhz, arraysPerPe, pesPerTile, tileBufferKib, bnUnitsPerTile, v);
            default -> throw new IllegalArgumentException("unknown config key '" + key + "'; known: " + KEYS + ", samples");
        };
    }
}
