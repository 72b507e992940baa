package org.bayes2imc.imc;

import org.bayes2imc.correct.DriftCompensation;
import org.bayes2imc.device.DeviceModel;

/**
 * Every setting of a hardware deployment study (SPEC §5–§8), immutable; {@link #defaults(DeviceModel)} gives the
 * documented defaults and the {@code with…} methods change one setting.
 *
 * @param device               the device model of the synapses and reference devices
 * @param design               Bayes2IMC (PCM read noise) or the SRAM + LFSR baseline
 * @param encoding             single device [default] or differential pair
 * @param mapping              G_ref, SET/RESET, mapping time, ε (default {@link MappingConfig#DEFAULT})
 * @param compensation         drift compensation [default global reference rescaling, 64 devices per layer]
 * @param arraySize            crossbar rows = columns, a power of two [default 128]
 * @param activationBits       k-bit quantisation of every layer input, 0 = float [default 8]
 * @param sramBits             bits of the SRAM word holding p [default 8]
 * @param samples              ensemble members S [default 10]
 * @param deployments          independent programmings K [default 10]
 * @param seconds              evaluation time after programming [default 20 s]
 * @param sparsity             none [default], ls or ls+rs
 * @param firstEnsemblingLayer L* for ls / ls+rs, −1 = chosen automatically
 * @param semantics            when a new sample is drawn [default one per member and image block]
 * @param readNoise            per read [default] or frozen per evaluation time
 * @param literalReads         simulate each Gaussian read and compare, instead of a Bernoulli draw with the
 *                             realised probability (slow; equal in distribution)
 * @param blockImages          images per block (the unit of work and of sampling in the default semantics) [64]
 * @param seed                 master seed of programming noise, drift exponents and samples
 * @param threads              worker threads (results do not depend on it)
 */
public record DeployOptions(DeviceModel device, Design design, SynapseEncoding encoding, MappingConfig mapping,
                            DriftCompensation compensation, int arraySize, int activationBits, int sramBits,
                            int samples, int deployments, double seconds, SparsityMode sparsity,
                            int firstEnsemblingLayer, SamplingSemantics semantics, ReadNoiseMode readNoise,
                            boolean literalReads, int blockImages, long seed, int threads) {

    public DeployOptions {
        if (arraySize <= 0 || Integer.bitCount(arraySize) != 1) {
            throw new IllegalArgumentException("--array-size must be a positive power of two, got " + arraySize);
        }
        if (activationBits < 0 || activationBits > 16) {
            throw new IllegalArgumentException("--activation-bits must be in [0, 16] (0 = float), got " + activationBits);
        }
        if (sramBits < 1 || sramBits > 16) {
            throw new IllegalArgumentException("--sram-bits must be in [1, 16], got " + sramBits);
        }
        if (samples < 1) {
            throw new IllegalArgumentException("--samples must be >= 1, got " + samples);
        }
        if (deployments < 1) {
            throw new IllegalArgumentException("--deployments must be >= 1, got " + deployments);
        }
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("--time must be a finite time >= 0 s, got " + seconds);
        }
        if (blockImages < 1) {
            throw new IllegalArgumentException("block size must be >= 1, got " + blockImages);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be >= 1, got " + threads);
        }
        if (device == null && design == Design.BAYES2IMC) {
            throw new IllegalArgumentException("the bayes2imc design needs a device model");
        }
    }

    public static DeployOptions defaults(DeviceModel device) {
        return new DeployOptions(device, Design.BAYES2IMC, SynapseEncoding.SINGLE_DEVICE, MappingConfig.DEFAULT,
                DriftCompensation.DEFAULT, CrossbarTiling.DEFAULT_ARRAY_SIZE, 8, 8, 10, 10, 20.0, SparsityMode.NONE,
                -1, SamplingSemantics.PER_MEMBER_BLOCK, ReadNoiseMode.PER_READ, false, 64, 1L,
                Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    public DeployOptions withDevice(DeviceModel d) {
        return new DeployOptions(d, design, encoding, mapping, compensation, arraySize, activationBits, sramBits, samples, deployments, seconds, sparsity, firstEnsemblingLayer, semantics, readNoise, literalReads, blockImages, seed, threads);
    }

    public DeployOptions withDesign(Design v) {
        return new DeployOptions(device, v, encoding, mapping, compensation, arraySize, activationBits, sramBits, samples, deployments, seconds, sparsity, firstEnsemblingLayer, semantics, readNoise, literalReads, blockImages, seed, threads);
    }

    public DeployOptions withEncoding(SynapseEncoding v) {
        return new DeployOptions(device, design, v, mapping, compensation, arraySize, activationBits, sramBits, samples, deployments, seconds, sparsity, firstEnsemblingLayer, semantics, readNoise, literalReads, blockImages, seed, threads);
    }

    public DeployOptions withMapping(MappingConfig v) {
        return new DeployOptions(device, design, encoding, v, compensation, arraySize, activationBits, sramBits, samples, deployments, seconds, sparsity, firstEnsemblingLayer, semantics, readNoise, literalReads, blockImages, seed, threads);
    }

    public DeployOptions withCompensation(DriftCompensation v) {
        return new DeployOptions(device, design, encoding, mapping, v, arraySize, activationBits, sramBits, samples, deployments, seconds, sparsity, firstEnsemblingLayer, semantics, readNoise, literalReads, blockImages, seed, threads);
    }

    public DeployOptions withArraySize(int v) {
        return new DeployOptions(device, design, encoding, mapping, compensation, v, activationBits, sramBits, samples, deployments, seconds, sparsity, firstEnsemblingLayer, semantics, readNoise, literalReads, blockImages, seed, threads);
    }

    public DeployOptions withActivationBits(int v) {
        return new DeployOptions(device, design, encoding, mapping, compensation, arraySize, v, sramBits, samples, deployments, seconds, sparsity, firstEnsemblingLayer, semantics, readNoise, literalReads, blockImages, seed, threads);
    }

    public DeployOptions withSramBits(int v) {
        return new DeployOptions(device, design, encoding, mapping, compensation, arraySize, activationBits, v, samples, deployments, seconds, sparsity, firstEnsemblingLayer, semantics, readNoise, literalReads, blockImages, seed, threads);
    }

    public DeployOptions withSamples(int v) {
        return new DeployOptions(device, design, encoding, mapping, compensation, arraySize, activationBits, sramBits, v, deployments, seconds, sparsity, firstEnsemblingLayer, semantics, readNoise, literalReads, blockImages, seed, threads);
    }

    public DeployOptions withDeployments(int v) {
        return new DeployOptions(device, design, encoding, mapping, compensation, arraySize, activationBits, sramBits, samples, v, seconds, sparsity, firstEnsemblingLayer, semantics, readNoise, literalReads, blockImages, seed, threads);
    }

    public DeployOptions withSeconds(double v) {
        return new DeployOptions(device, design, encoding, mapping, compensation, arraySize, activationBits, sramBits, samples, deployments, v, sparsity, firstEnsemblingLayer, semantics, readNoise, literalReads, blockImages, seed, threads);
    }

    public DeployOptions withSparsity(SparsityMode v, int firstLayer) {
        return new DeployOptions(device, design, encoding, mapping, compensation, arraySize, activationBits, sramBits, samples, deployments, seconds, v, firstLayer, semantics, readNoise, literalReads, blockImages, seed, threads);
    }

    public DeployOptions withSemantics(SamplingSemantics v) {
        return new DeployOptions(device, design, encoding, mapping, compensation, arraySize, activationBits, sramBits, samples, deployments, seconds, sparsity, firstEnsemblingLayer, v, readNoise, literalReads, blockImages, seed, threads);
    }

    public DeployOptions withReadNoise(ReadNoiseMode v) {
        return new DeployOptions(device, design, encoding, mapping, compensation, arraySize, activationBits, sramBits, samples, deployments, seconds, sparsity, firstEnsemblingLayer, semantics, v, literalReads, blockImages, seed, threads);
    }

    public DeployOptions withLiteralReads(boolean v) {
        return new DeployOptions(device, design, encoding, mapping, compensation, arraySize, activationBits, sramBits, samples, deployments, seconds, sparsity, firstEnsemblingLayer, semantics, readNoise, v, blockImages, seed, threads);
    }

    public DeployOptions withBlockImages(int v) {
        return new DeployOptions(device, design, encoding, mapping, compensation, arraySize, activationBits, sramBits, samples, deployments, seconds, sparsity, firstEnsemblingLayer, semantics, readNoise, literalReads, v, seed, threads);
    }

    public DeployOptions withSeed(long v) {
        return new DeployOptions(device, design, encoding, mapping, compensation, arraySize, activationBits, sramBits, samples, deployments, seconds, sparsity, firstEnsemblingLayer, semantics, readNoise, literalReads, blockImages, v, threads);
    }

    public DeployOptions withThreads(int v) {
        return new DeployOptions(device, design, encoding, mapping, compensation, arraySize, activationBits, sramBits, samples, deployments, seconds, sparsity, firstEnsemblingLayer, semantics, readNoise, literalReads, blockImages, seed, v);
    }
}
