package org.bayes2imc.model;

/** A named float32 tensor as stored in a safetensors file: a shape and row-major data. */
public record Tensor(long[] shape, float[] data) {
    public Tensor {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        if (n != data.length) {
            throw new IllegalArgumentException("tensor shape " + java.util.Arrays.toString(shape) + " needs " + n + " values, has " + data.length);
        }
    }
}
