package org.bayes2imc.correct;

/**
 * What a logit correction may look at after programming: the deployed core's logits for a small unlabelled
 * calibration set (training images, never test images) and the software model's logits for the same images;
 * for the read-back correction also what reading back the final layer's conductances reveals.
 *
 * @param classes        logits per image
 * @param hardwareLogits row-major (rows × classes): every ensemble member's logits for every calibration image
 * @param softwareLogits row-major (rows × classes): the software ensemble's logits for the same rows
 * @param readBack       final-layer read-back, or null when not measured
 */
public record CalibrationSet(int classes, float[] hardwareLogits, float[] softwareLogits, FinalLayerReadBack readBack) {

    public CalibrationSet {
        if (classes < 1 || hardwareLogits.length % classes != 0 || softwareLogits.length % classes != 0) {
            throw new IllegalArgumentException("calibration logits must be rows × " + classes);
        }
    }

    public int hardwareRows() {
        return hardwareLogits.length / classes;
    }

    public int softwareRows() {
        return softwareLogits.length / classes;
    }

    /**
     * The final layer as read back from the array: per synapse (PyTorch layout [classes, fanIn]) the probability
     * of a +1 read estimated from its read-back conductance, the software target p, the mean input activation
     * over the calibration set, and the final BatchNorm variance and epsilon.
     */
    public record FinalLayerReadBack(float[] realisedProbability, float[] targetProbability, float[] meanInput,
                                     float[] bnVar, double bnEps) {
    }
}
