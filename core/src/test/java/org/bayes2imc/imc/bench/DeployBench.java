package org.bayes2imc.imc.bench;

import org.bayes2imc.data.Dataset;
import org.bayes2imc.data.TestData;
import org.bayes2imc.device.DeviceModels;
import org.bayes2imc.imc.DeployOptions;
import org.bayes2imc.imc.DeployedCore;
import org.bayes2imc.imc.Deployment;
import org.bayes2imc.study.DeploymentRunner;
import org.bayes2imc.imc.HandmadeModels;
import org.bayes2imc.sparsity.SparsityMode;
import org.bayes2imc.io.Progress;
import org.bayes2imc.model.Architectures;
import org.bayes2imc.model.BbnnModel;
import org.bayes2imc.model.ModelFile;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Deploy throughput: one IBM-PCM deployment of an fmnist-small model evaluated with S members on Fashion-MNIST test
 * images, for each sparsity mode; prints programming, realisation and inference times and images/s.
 * Usage: DeployBench [images=10000] [samples=10] [threads=all] [model.safetensors | handmade share=0.25 | rows:SHARE (FC rows holding the probabilistic synapses)] [repeats=1]
 */
public final class DeployBench {
    /** CPU time of this process (all threads): under a shared machine's load, images per CPU-second are the fair figure. */
    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    public static void main(String[] args) {
        int images = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int samples = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
        String modelArg = args.length > 3 ? args[3] : "0.25";
        int repeats = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        Dataset test = TestData.fashionTest(images);
        BbnnModel model = modelArg.endsWith(".safetensors") ? ModelFile.read(Path.of(modelArg))
                : modelArg.startsWith("rows:") ? HandmadeModels.rowStructured(Architectures.parse(Architectures.FMNIST_SMALL),
                Double.parseDouble(modelArg.substring(5)), 3, TestData.fashionTrain(500))
                : HandmadeModels.of(Architectures.parse(Architectures.FMNIST_SMALL), Double.parseDouble(modelArg), 3,
                TestData.fashionTrain(500));
        System.out.printf(Locale.ROOT, "model %s (%d synapses, %d MACs/image), %d images, S=%d, %d threads%n",
                modelArg, model.architecture().weightCount(), model.architecture().macsPerImage(), test.size(), samples, threads);
        for (int config = 0; config < 4; config++) {
            SparsityMode mode = config == 0 ? SparsityMode.NONE : SparsityMode.values()[config - 1];
            DeployOptions o = DeployOptions.defaults(DeviceModels.create("ibm-pcm")).withSamples(samples)
                    .withThreads(threads).withSparsity(mode).withReuseDeterministic(config != 0);
            long t0 = System.nanoTime();
            DeploymentRunner r = new DeploymentRunner(model, o);
            r.calibrateActivations(test);
            long t1 = System.nanoTime();
            Deployment d = r.program(0);
            long t2 = System.nanoTime();
            DeployedCore core = r.core(d, 0, 20.0);
            long t3 = System.nanoTime();
            for (int rep = 0; rep < repeats; rep++) {
                long t4 = System.nanoTime();
                long c4 = cpuNanos();
                r.logits(core, test, Progress.NONE);
                double inf = (System.nanoTime() - t4) / 1e9;
                double cpu = (cpuNanos() - c4) / 1e9;
                System.out.printf(Locale.ROOT, "%-6s L*=%d plans=%s solve %.2fs program %.2fs realise %.2fs infer %.2fs "
                                + "-> %.1f images/s (%.1f images per CPU-second, load %.1f); MACs/image shared %d member %d; sampled synapses/member %d%n",
                        config == 0 ? "naive" : mode.label(), r.firstEnsemblingLayer(), core.layerPlans(), (t1 - t0) / 1e9, (t2 - t1) / 1e9,
                        (t3 - t2) / 1e9, inf, test.size() / inf, test.size() / cpu,
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), core.sharedMacsPerImage(), core.memberMacsPerImage(),
                        core.sampledSynapsesPerMember());
            }
        }
    }
}
