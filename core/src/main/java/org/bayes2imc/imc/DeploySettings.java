package org.bayes2imc.imc;

/**
 * results.json {@code settings} of the deploy command (docs/RESULTS.md): every deployment setting, then the inputs
 * the command read (model file, datasets, image counts, the logit correction). Conductances in µS, times in seconds;
 * {@code target_noise} is the noise the mapping's target accounts for (docs/MODEL.md §5).
 */
public record DeploySettings(String design, String device, String encoding, double referenceConductanceUs,
                             double setConductanceUs, double resetConductanceUs, double epsilon,
                             double mappingTimeSeconds, String targetNoise, String compensation, int arraySize, int activationBits,
                             int sramBits, int samples, int deployments, double timeSeconds, String sparsity,
                             int firstEnsemblingLayer, String samplingSemantics, String readNoise,
                             boolean literalReads, int chunkImages, long seed, int threads,
                             boolean reuseDeterministic, String kernel, String sampleStreams, String model,
                             String dataset, Integer limit, Integer images, String ood, String activationCalibration,
                             String correction, Integer calibrationImages) {

    public DeploySettings(String design, String device, String encoding, double referenceConductanceUs,
                          double setConductanceUs, double resetConductanceUs, double epsilon,
                          double mappingTimeSeconds, String targetNoise, String compensation, int arraySize, int activationBits,
                          int sramBits, int samples, int deployments, double timeSeconds, String sparsity,
                          int firstEnsemblingLayer, String samplingSemantics, String readNoise, boolean literalReads,
                          int chunkImages, long seed, int threads, boolean reuseDeterministic, String kernel,
                          String sampleStreams) {
        this(design, device, encoding, referenceConductanceUs, setConductanceUs, resetConductanceUs, epsilon,
                mappingTimeSeconds, targetNoise, compensation, arraySize, activationBits, sramBits, samples, deployments,
                timeSeconds, sparsity, firstEnsemblingLayer, samplingSemantics, readNoise, literalReads, chunkImages,
                seed, threads, reuseDeterministic, kernel, sampleStreams, null, null, null, null, null, null, null,
                null);
    }

    /** With the inputs the command read. */
    public DeploySettings withInputs(String model, String dataset, int limit, int images, String ood,
                                     String activationCalibration, String correction, int calibrationImages) {
        return new DeploySettings(design, device, encoding, referenceConductanceUs, setConductanceUs,
                resetConductanceUs, epsilon, mappingTimeSeconds, targetNoise, compensation, arraySize, activationBits, sramBits,
                samples, deployments, timeSeconds, sparsity, firstEnsemblingLayer, samplingSemantics, readNoise,
                literalReads, chunkImages, seed, threads, reuseDeterministic, kernel, sampleStreams, model, dataset,
                limit, images, ood, activationCalibration, correction, calibrationImages);
    }
}
