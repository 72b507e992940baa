package org.bayes2imc.sweep;

import org.bayes2imc.data.Dataset;
import org.bayes2imc.model.BbnnModel;

/** What a cell reads besides its settings: the model (by the SHA-256 of its file) and the evaluation images. */
public interface CellInputs {
    BbnnModel model(String sha256);

    Dataset test();

    /** The out-of-distribution set, or null. */
    Dataset ood();

    /** Unlabelled training images for activation ranges and logit corrections. */
    Dataset calibration();
}
