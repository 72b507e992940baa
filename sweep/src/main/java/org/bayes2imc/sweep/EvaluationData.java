package org.bayes2imc.sweep;

import java.io.Serializable;

/**
 * The images every cell of a sweep is evaluated on (docs/SWEEP.md, {@code data:}): test set and its image limit, the
 * optional out-of-distribution set, and the unlabelled training images for activation ranges and logit corrections.
 *
 * @param dataset           test dataset name (fashion-mnist, digits, ...)
 * @param limit             test images (0 = all)
 * @param ood               OOD dataset name, or null
 * @param oodLimit          OOD images (0 = all)
 * @param calibrationImages unlabelled training images
 * @param dataDir           data cache directory, or null for the default
 */
public record EvaluationData(String dataset, int limit, String ood, int oodLimit, int calibrationImages, String dataDir)
        implements Serializable {
}
