package org.bayes2imc.model;

/** The two layer types of the BinaryConnect family: 3×3 same-padded convolution and fully connected. */
public enum LayerKind {
    CONV,
    FC
}
