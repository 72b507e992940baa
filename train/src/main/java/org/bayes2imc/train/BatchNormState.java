package org.bayes2imc.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.bayes2imc.model.Architecture;

/** The running BatchNorm statistics of every layer as NDArrays (updated in place during training). */
public final class BatchNormState implements AutoCloseable {
    final NDArray[] mean;
    final NDArray[] var;

    public BatchNormState(NDManager manager, Architecture a, float[][] means, float[][] vars) {
        int n = a.depth();
        mean = new NDArray[n];
        var = new NDArray[n];
        for (int i = 0; i < n; i++) {
            Shape s = new Shape(a.layer(i).outChannels());
            mean[i] = manager.create(means[i], s);
            var[i] = manager.create(vars[i], s);
        }
    }

    public float[][] means() {
        float[][] out = new float[mean.length][];
        for (int i = 0; i < mean.length; i++) {
            out[i] = mean[i].toFloatArray();
        }
        return out;
    }

    public float[][] vars() {
        float[][] out = new float[var.length][];
        for (int i = 0; i < var.length; i++) {
            out[i] = var[i].toFloatArray();
        }
        return out;
    }

    @Override
    public void close() {
        for (int i = 0; i < mean.length; i++) {
            mean[i].close();
            var[i].close();
        }
    }
}
