package org.bayes2imc.imc;

import org.bayes2imc.model.CrossbarTiling;
import org.bayes2imc.sparsity.SparsityMode;
import org.bayes2imc.device.DeviceModel;
import org.bayes2imc.device.MappingConfig;

/**
 * Every setting of a hardware deployment study (docs/MODEL.md §5–§8), immutable; {@link #defaults(DeviceModel)} gives the
 * documented defaults and each {@code with…} method changes one setting.
 *
 * @param device               the device model of the synapses and reference devices (unused by the SRAM design)
 * @param design               Bayes2IMC (PCM read noise) [default] or the SRAM + LFSR baseline
 * @param mapping              encoding (single device [default] / differential pair), G_ref 5 µS, SET 20 µS, RESET 0 µS, ε 0.01 ({@link MappingConfig#defaults()})
 * @param mappingSeconds       time after programming whose read noise the conductance solver targets [default 20 s]
 * @param compensation         drift compensation [default global reference rescaling, 64 devices per layer]
 * @param arraySize            crossbar rows = columns, a power of two [default 128]
 * @param activationBits       k-bit quantisation of every layer input, 0 = float [default 8]
 * @param sramBits             bits of the SRAM word holding p [default 8]
 * @param samples              ensemble members S [default 10]
 * @param deployments          independent programmings K [default 10]
 * @param seconds              evaluation time after programming [default 20 s]
 * @param sparsity             none [default], ls or ls+rs
 * @param firstEnsemblingLayer L* for ls / ls+rs; −1 = chosen automatically
 * @param semantics            when a new sample is drawn [default one per member and chunk of images]
 * @param readNoise            per read [default] or frozen per evaluation time
 * @param literalReads         simulate each Gaussian read and the comparison instead of a Bernoulli draw with the realised probability (slow; equal in distribution) [default false]
 * @param chunkImages          images per chunk: the unit of parallel work and of sampling in the default semantics [default 64]
 * @param seed                 master seed of programming noise, drift exponents, reference devices and samples [default 1]
 * @param threads              worker threads; results do not depend on it [default: available processors]
 * @param reuseDeterministic   compute layers whose synapses are all exactly deterministic once per chunk and share them
 *                             across members [default true]; false gives the naive S × (all work) baseline for speed studies
 * @param kernel               arithmetic kernels: auto [default: exact int8 oneDNN kernels on VNNI CPUs, else float],
 *                             int8 or float; results are identical, only speed differs
 * @param sampleStreams        independent random streams per deployment and time [default] or common ones (paired)
 */
public record DeployOptions(DeviceModel device, SamplerDesign design, MappingConfig mapping, double mappingSeconds, DriftCompensation compensation, int arraySize, int activationBits, int sramBits, int samples, int deployments, double seconds, SparsityMode sparsity, int firstEnsemblingLayer, CoreSamplingSemantics semantics, ReadNoiseMode readNoise, boolean literalReads, int chunkImages, long seed, int threads, boolean reuseDeterministic, KernelChoice kernel, SampleStreams sampleStreams) {

    public DeployOptions {
        if (sampleStreams == null) {
            throw new IllegalArgumentException("sample streams must be set");
        }
        if (kernel == null) {
            throw new IllegalArgumentException("kernel choice must be set");
        }
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
        if (!(mappingSeconds >= 0) || Double.isInfinite(mappingSeconds)) {
            throw new IllegalArgumentException("mapping time must be a finite time >= 0 s, got " + mappingSeconds);
        }
        if (chunkImages < 1) {
            throw new IllegalArgumentException("chunk size must be >= 1 image, got " + chunkImages);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be >= 1, got " + threads);
        }
        if (firstEnsemblingLayer < -1) {
            throw new IllegalArgumentException("--first-ensembling-layer must be >= 0 (or -1 = automatic), got " + firstEnsemblingLayer);
        }
        if (device == null && design == SamplerDesign.BAYES2IMC) {
            throw new IllegalArgumentException("the bayes2imc design needs a device model");
        }
        if (mapping == null || compensation == null || design == null || sparsity == null || semantics == null || readNoise == null) {
            throw new IllegalArgumentException("deploy options: a setting is missing");
        }
    }

    public static DeployOptions defaults(DeviceModel device) {
        return new DeployOptions(device, SamplerDesign.BAYES2IMC, MappingConfig.defaults(), 20.0, DriftCompensation.DEFAULT,
                CrossbarTiling.DEFAULT_ARRAY_SIZE, 8, 8, 10, 10, 20.0, SparsityMode.NONE, -1,
                CoreSamplingSemantics.PER_CHUNK, ReadNoiseMode.PER_READ, false, 64, 1L,
                Math.max(1, Runtime.getRuntime().availableProcessors()), true, KernelChoice.AUTO, SampleStreams.INDEPENDENT);
    }

    public DeployOptions withSampleStreams(SampleStreams v) {
        return new DeployOptions(device, design, mapping, mappingSeconds, compensation, arraySize, activationBits, sramBits, samples, deployments, seconds, sparsity, firstEnsemblingLayer, semantics, readNoise, literalReads, chunkImages, seed, threads, reuseDeterministic, kernel, v);
    }

    public DeployOptions withKernel(KernelChoice v) {
        return new DeployOptions(device, design, mapping, mappingSeconds, compensation, arraySize, activationBits, sramBits, samples, deployments, seconds, sparsity, firstEnsemblingLayer, semantics, readNoise, literalReads, chunkImages, seed, threads, reuseDeterministic, v, sampleStreams);
    }

    public DeployOptions withReuseDeterministic(boolean v) {
        return new DeployOptions(device, design, mapping, mappingSeconds, compensation, arraySize, activationBits, sramBits, samples, deployments, seconds, sparsity, firstEnsemblingLayer, semantics, readNoise, literalReads, chunkImages, seed, threads, v, kernel, sampleStreams);
    }

    public int devicesPerSynapse() {
        return mapping.encoding() == org.bayes2imc.device.SynapseEncoding.DIFFERENTIAL_PAIR ? 2 : 1;
    }

    public DeployOptions withDevice(DeviceModel v) {
        return new DeployOptions(v, design, mapping, mappingSeconds, compensation, arraySize, activationBits, sramBits, samples, deployments, seconds, sparsity, firstEnsemblingLayer, semantics, readNoise, literalReads, chunkImages, seed, threads, reuseDeterministic, kernel, sampleStreams);
    }

    public DeployOptions withDesign(SamplerDesign v) {
        return new DeployOptions(device, v, mapping, mappingSeconds, compensation, arraySize, activationBits, sramBits, samples, deployments, seconds, sparsity, firstEnsemblingLayer, semantics, readNoise, literalReads, chunkImages, seed, threads, reuseDeterministic, kernel, sampleStreams);
    }

    public DeployOptions withMapping(MappingConfig v) {
        return new DeployOptions(device, design, v, mappingSeconds, compensation, arraySize, activationBits, sramBits, samples, deployments, seconds, sparsity, firstEnsemblingLayer, semantics, readNoise, literalReads, chunkImages, seed, threads, reuseDeterministic, kernel, sampleStreams);
    }

    public DeployOptions withMappingSeconds(double v) {
        return new DeployOptions(device, design, mapping, v, compensation, arraySize, activationBits, sramBits, samples, deployments, seconds, sparsity, firstEnsemblingLayer, semantics, readNoise, literalReads, chunkImages, seed, threads, reuseDeterministic, kernel, sampleStreams);
    }

    public DeployOptions withCompensation(DriftCompensation v) {
        return new DeployOptions(device, design, mapping, mappingSeconds, v, arraySize, activationBits, sramBits, samples, deployments, seconds, sparsity, firstEnsemblingLayer, semantics, readNoise, literalReads, chunkImages, seed, threads, reuseDeterministic, kernel, sampleStreams);
    }

    public DeployOptions withArraySize(int v) {
        return new DeployOptions(device, design, mapping, mappingSeconds, compensation, v, activationBits, sramBits, samples, deployments, seconds, sparsity, firstEnsemblingLayer, semantics, readNoise, literalReads, chunkImages, seed, threads, reuseDeterministic, kernel, sampleStreams);
    }

    public DeployOptions withActivationBits(int v) {
        return new DeployOptions(device, design, mapping, mappingSeconds, compensation, arraySize, v, sramBits, samples, deployments, seconds, sparsity, firstEnsemblingLayer, semantics, readNoise, literalReads, chunkImages, seed, threads, reuseDeterministic, kernel, sampleStreams);
    }

    public DeployOptions withSramBits(int v) {
        return new DeployOptions(device, design, mapping, mappingSeconds, compensation, arraySize, activationBits, v, samples, deployments, seconds, sparsity, firstEnsemblingLayer, semantics, readNoise, literalReads, chunkImages, seed, threads, reuseDeterministic, kernel, sampleStreams);
    }

    public DeployOptions withSamples(int v) {
        return new DeployOptions(device, design, mapping, mappingSeconds, compensation, arraySize, activationBits, sramBits, v, deployments, seconds, sparsity, firstEnsemblingLayer, semantics, readNoise, literalReads, chunkImages, seed, threads, reuseDeterministic, kernel, sampleStreams);
    }

    public DeployOptions withDeployments(int v) {
        return new DeployOptions(device, design, mapping, mappingSeconds, compensation, arraySize, activationBits, sramBits, samples, v, seconds, sparsity, firstEnsemblingLayer, semantics, readNoise, literalReads, chunkImages, seed, threads, reuseDeterministic, kernel, sampleStreams);
    }

    public DeployOptions withSeconds(double v) {
        return new DeployOptions(device, design, mapping, mappingSeconds, compensation, arraySize, activationBits, sramBits, samples, deployments, v, sparsity, firstEnsemblingLayer, semantics, readNoise, literalReads, chunkImages, seed, threads, reuseDeterministic, kernel, sampleStreams);
    }

    public DeployOptions withSparsity(SparsityMode v) {
        return new DeployOptions(device, design, mapping, mappingSeconds, compensation, arraySize, activationBits, sramBits, samples, deployments, seconds, v, firstEnsemblingLayer, semantics, readNoise, literalReads, chunkImages, seed, threads, reuseDeterministic, kernel, sampleStreams);
    }

    public DeployOptions withFirstEnsemblingLayer(int v) {
        return new DeployOptions(device, design, mapping, mappingSeconds, compensation, arraySize, activationBits, sramBits, samples, deployments, seconds, sparsity, v, semantics, readNoise, literalReads, chunkImages, seed, threads, reuseDeterministic, kernel, sampleStreams);
    }

    public DeployOptions withSemantics(CoreSamplingSemantics v) {
        return new DeployOptions(device, design, mapping, mappingSeconds, compensation, arraySize, activationBits, sramBits, samples, deployments, seconds, sparsity, firstEnsemblingLayer, v, readNoise, literalReads, chunkImages, seed, threads, reuseDeterministic, kernel, sampleStreams);
    }

    public DeployOptions withReadNoise(ReadNoiseMode v) {
        return new DeployOptions(device, design, mapping, mappingSeconds, compensation, arraySize, activationBits, sramBits, samples, deployments, seconds, sparsity, firstEnsemblingLayer, semantics, v, literalReads, chunkImages, seed, threads, reuseDeterministic, kernel, sampleStreams);
    }

    public DeployOptions withLiteralReads(boolean v) {
        return new DeployOptions(device, design, mapping, mappingSeconds, compensation, arraySize, activationBits, sramBits, samples, deployments, seconds, sparsity, firstEnsemblingLayer, semantics, readNoise, v, chunkImages, seed, threads, reuseDeterministic, kernel, sampleStreams);
    }

    public DeployOptions withChunkImages(int v) {
        return new DeployOptions(device, design, mapping, mappingSeconds, compensation, arraySize, activationBits, sramBits, samples, deployments, seconds, sparsity, firstEnsemblingLayer, semantics, readNoise, literalReads, v, seed, threads, reuseDeterministic, kernel, sampleStreams);
    }

    public DeployOptions withSeed(long v) {
        return new DeployOptions(device, design, mapping, mappingSeconds, compensation, arraySize, activationBits, sramBits, samples, deployments, seconds, sparsity, firstEnsemblingLayer, semantics, readNoise, literalReads, chunkImages, v, threads, reuseDeterministic, kernel, sampleStreams);
    }

    public DeployOptions withThreads(int v) {
        return new DeployOptions(device, design, mapping, mappingSeconds, compensation, arraySize, activationBits, sramBits, samples, deployments, seconds, sparsity, firstEnsemblingLayer, semantics, readNoise, literalReads, chunkImages, seed, v, reuseDeterministic, kernel, sampleStreams);
    }
}
