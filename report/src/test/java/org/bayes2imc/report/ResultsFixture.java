package org.bayes2imc.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bayes2imc.io.Json;

import java.nio.file.Path;
import java.util.Random;

/**
 * results.json fixtures following docs/RESULTS.md (schema v1) with plausible numbers for a small Fashion-MNIST BBNN:
 * a complete demo run and a partial one (software + raw hardware only). Deterministic (fixed seed).
 */
final class ResultsFixture {
    static final int DEPLOYMENTS = 8;
    static final double[] DRIFT_TIMES = {20, 3600, 86400, 2.6e6, 1e7, 3.156e7, 3.156e8};
    static final String[] LAYERS = {"conv1", "conv2", "conv3", "conv4", "fc1", "fc2", "fc3"};

    private final Random rnd = new Random(20261125L);

    static Path writeComplete(Path dir) {
        Path file = dir.resolve("results.json");
        Json.write(file, new ResultsFixture().complete());
        return file;
    }

    static Path writePartial(Path dir) {
        Path file = dir.resolve("results.json");
        Json.write(file, new ResultsFixture().partial());
        return file;
    }

    ObjectNode complete() {
        ObjectNode root = partial();
        ObjectNode settings = (ObjectNode) root.get("settings");
        settings.put("correction", "affine_logit");
        ObjectNode timing = (ObjectNode) root.get("timing");
        ObjectNode steps = (ObjectNode) timing.get("steps");
        steps.put("drift_seconds", 61.0);
        steps.put("sparsity_seconds", 4.2);
        steps.put("ppa_seconds", 0.3);
        timing.put("total_seconds", 283.4);

        ObjectNode corrected = hardware(0.893, 0.004, 0.021);
        corrected.put("correction", "affine_logit");
        root.set("hardware_corrected", corrected);
        // Issue 13: calibrated figures beside raw, the spread decomposition and the systematic scenario.
        for (String k : new String[]{"hardware", "hardware_corrected"}) {
            ObjectNode h = (ObjectNode) root.get(k);
            h.set("ece_calibrated", spread(0.0123, 0.0011));
            h.set("nll_calibrated", spread(0.351, 0.004));
            h.set("reliability_calibrated", reliability(0.88, 0.012));
        }
        root.set("spread_decomposition", decomposition(0.0012, 0.0011, 0.0010));
        ObjectNode sys = root.putObject("systematic");
        sys.put("time_seconds", 3600.0);
        sys.put("compensation", "none");
        sys.set("hardware", hardware(0.861, 0.0031, 0.05));
        sys.set("hardware_corrected", hardware(0.884, 0.0013, 0.02));
        sys.set("spread_decomposition", decomposition(0.0031, 0.0013, 0.0011));

        ArrayNode drift = root.putArray("drift");
        for (String comp : new String[]{"none", "global_reference"}) {
            for (double t : DRIFT_TIMES) {
                double decay = comp.equals("none") ? Math.min(0.78, 0.06 * Math.log10(t / 20) * Math.log10(t / 20)) : 0.004 * Math.log10(t / 20);
                ObjectNode row = drift.addObject();
                row.put("time_seconds", t);
                row.put("compensation", comp);
                row.put("accuracy_mean", 0.89 - decay);
                row.put("accuracy_std", 0.006 + 0.01 * decay);
                row.put("ece_mean", 0.025 + 0.5 * decay);
                row.put("ece_std", 0.004 + 0.02 * decay);
                row.put("ece_calibrated_mean", 0.012 + 0.4 * decay);
                row.put("ece_calibrated_std", 0.003 + 0.02 * decay);
                row.put("nll_mean", 0.33 + 2 * decay);
                row.put("ood_auroc_entropy_mean", 0.86 - 0.4 * decay);
            }
        }

        ObjectNode sparsity = root.putObject("sparsity");
        sparsity.put("epsilon", 0.01);
        sparsity.put("first_ensembling_layer", 5);
        ArrayNode layers = sparsity.putArray("layers");
        long[] synapses = {288, 9216, 18432, 36864, 401408, 262144, 5120};
        double[] fraction = {0.21, 0.12, 0.09, 0.07, 0.04, 0.05, 0.16};
        for (int i = 0; i < LAYERS.length; i++) {
            ObjectNode l = layers.addObject();
            l.put("layer", LAYERS[i]);
            l.put("synapses", synapses[i]);
            l.put("probabilistic", Math.round(synapses[i] * fraction[i]));
            l.put("fraction", fraction[i]);
            long rows = synapses[i] / (i < 4 ? 32 : 512);
            l.put("rows", rows);
            l.put("rows_with_probabilistic", Math.round(rows * Math.min(1, fraction[i] * 6)));
            l.put("row_segments", rows * 4);
            l.put("row_segments_with_probabilistic", Math.round(rows * 4 * Math.min(1, fraction[i] * 3)));
        }
        ObjectNode sampled = sparsity.putObject("sampled_parameters");
        sampled.put("none", 733472);
        sampled.put("ls", 668672);
        sampled.put("ls_rs", 96210);
        ObjectNode reductions = sparsity.putObject("reductions");
        reductions.put("ls", 0.0885);
        reductions.put("ls_rs", 0.8688);

        ObjectNode sd = root.putObject("sparsity_deploy");
        for (String k : new String[]{"none", "ls", "ls_rs"}) {
            ObjectNode m = sd.putObject(k);
            m.set("accuracy", spread(0.885, 0.007));
            m.set("ece", spread(0.024, 0.004));
            m.set("nll", spread(0.34, 0.02));
            m.set("ood_auroc_entropy", spread(0.86, 0.01));
            m.put("seconds", k.equals("none") ? 30.5 : k.equals("ls") ? 27.0 : 9.8);
        }

        ObjectNode ppa = root.putObject("ppa");
        ppa.put("ops_definition", "2 ops per binary MAC, all S members");
        ArrayNode rows = ppa.putArray("rows");
        ArrayNode breakdown = ppa.putArray("breakdown");
        String[] components = {"pcm_array", "sense_amplifier", "accumulator", "buffer", "interconnect", "control"};
        for (String network : new String[]{"fashion-mnist-bbnn", "vgg-binaryconnect-10"}) {
            double scale = network.startsWith("vgg") ? 300 : 1;
            for (String design : new String[]{"bayes2imc", "sram_baseline"}) {
                for (String mode : new String[]{"pipelined", "non_pipelined"}) {
                    for (String sp : design.equals("sram_baseline") ? new String[]{"none"} : new String[]{"none", "ls", "ls_rs"}) {
                        double energy = scale * (design.equals("sram_baseline") ? 4.1 : 1.2)
                                * (sp.equals("ls_rs") ? 0.15 : sp.equals("ls") ? 0.9 : 1.0);
                        double area = scale * 0.02 * (design.equals("sram_baseline") ? 6.0 : 1.0)
                                * (mode.equals("pipelined") ? 10 : 1) * (sp.equals("ls_rs") ? 0.2 : 1.0);
                        double latency = scale * (mode.equals("pipelined") ? 2.0 : 18.0);
                        double gops = scale * 1.4 / latency * 1000;
                        ObjectNode row = rows.addObject();
                        row.put("network", network);
                        row.put("design", design);
                        row.put("mode", mode);
                        row.put("sparsity", sp);
                        row.put("samples", 10);
                        row.put("energy_uj", energy);
                        row.put("latency_us", latency);
                        row.put("area_mm2", area);
                        row.put("gops", gops);
                        double gopsPerW = scale * 1.4e3 / energy; // ops per µJ = GOPS/W
                        row.put("gops_per_w", gopsPerW);
                        row.put("gops_per_w_mm2", gopsPerW / area);
                        if (mode.equals("pipelined")) {
                            double[] share = {0.35, 0.25, 0.15, 0.12, 0.08, 0.05};
                            for (int c = 0; c < components.length; c++) {
                                ObjectNode b = breakdown.addObject();
                                b.put("network", network);
                                b.put("design", design);
                                b.put("mode", mode);
                                b.put("sparsity", sp);
                                b.put("component", design.equals("sram_baseline") && c == 0 ? "sram_array" : components[c]);
                                b.put("energy_uj", energy * share[c]);
                                b.put("area_mm2", area * share[(c + 2) % share.length]);
                            }
                        }
                    }
                }
            }
        }

        ObjectNode bench = root.putObject("bench");
        bench.put("ours_full_seconds", 3.1);
        bench.put("ours_ls_rs_seconds", 0.9);
        bench.put("pytorch_dense_seconds", 5.4);
        bench.put("speedup_full", 5.4 / 3.1);
        bench.put("speedup_ls_rs", 5.4 / 0.9);
        bench.put("peak_fraction", 0.31);
        return root;
    }

    /** Software and raw-hardware sections only: no correction, drift, sparsity, PPA, bench. */
    ObjectNode partial() {
        ObjectNode root = Json.object();
        root.put("schema_version", 1);
        root.put("command", "demo");
        ObjectNode settings = root.putObject("settings");
        settings.put("model", "/tmp/cache/bayes2imc/models/fmnist-small.safetensors");
        settings.put("dataset", "fashion-mnist");
        settings.put("ood_dataset", "mnist");
        settings.put("samples", 10);
        settings.put("deployments", DEPLOYMENTS);
        settings.put("device", "pcm-nandakumar");
        settings.put("time_seconds", 20.0);
        settings.put("seed", 1);
        ObjectNode device = settings.putObject("device_parameters");
        device.put("read_noise_relative", 0.03);
        device.put("read_noise_us", 0.13);
        ObjectNode timing = root.putObject("timing");
        timing.put("total_seconds", 218.0);
        ObjectNode steps = timing.putObject("steps");
        steps.put("train_seconds", 141.2);
        steps.put("software_seconds", 11.9);
        steps.put("hardware_seconds", 64.9);

        ObjectNode software = root.putObject("software");
        software.set("mode", metrics(0.902, 0.041, true, false));
        software.set("ensemble", metrics(0.897, 0.018, true, true));
        ObjectNode posterior = software.putObject("posterior");
        posterior.put("probabilistic_fraction", 0.058);
        posterior.put("probabilistic_fraction_eps_0_001", 0.112);
        ArrayNode layers = posterior.putArray("layers");
        long[] synapses = {288, 9216, 18432, 36864, 401408, 262144, 5120};
        double[] fraction = {0.21, 0.12, 0.09, 0.07, 0.04, 0.05, 0.16};
        for (int i = 0; i < LAYERS.length; i++) {
            ObjectNode l = layers.addObject();
            l.put("layer", LAYERS[i]);
            l.put("synapses", synapses[i]);
            l.put("probabilistic_fraction", fraction[i]);
            l.put("probabilistic_fraction_eps_0_001", Math.min(1, fraction[i] * 1.9));
        }
        ObjectNode ph = posterior.putObject("p_histogram");
        ArrayNode edges = ph.putArray("edges");
        ArrayNode counts = ph.putArray("counts");
        int bins = 50;
        for (int i = 0; i <= bins; i++) {
            edges.add(i / (double) bins);
        }
        for (int i = 0; i < bins; i++) {
            double c = (i + 0.5) / bins;
            double density = 1 / Math.pow(c * (1 - c), 1.6); // U-shaped: most synapses nearly certain
            counts.add(i == 24 ? 0 : Math.round(density * 40));
        }
        root.set("hardware", hardware(0.871, 0.014, 0.032));
        return root;
    }

    /** A spread decomposition whose raw accuracy spread is {@code raw}, corrected {@code corrected}, floor {@code floor}. */
    private static ObjectNode decomposition(double raw, double corrected, double floor) {
        ObjectNode d = Json.object();
        d.put("deployments", DEPLOYMENTS);
        for (String part : new String[]{"raw", "corrected"}) {
            double total = part.equals("raw") ? raw : corrected;
            ObjectNode p = d.putObject(part);
            for (String k : new String[]{"accuracy", "nll", "nll_calibrated", "ece", "ece_calibrated"}) {
                ObjectNode x = p.putObject(k);
                x.put("total", total);
                x.put("floor", floor);
                x.put("deployment_induced", Math.sqrt(Math.max(0, total * total - floor * floor)));
            }
        }
        d.put("accuracy_induced_ratio", d.at("/corrected/accuracy/deployment_induced").asDouble()
                / d.at("/raw/accuracy/deployment_induced").asDouble());
        return d;
    }

    private ObjectNode hardware(double accuracy, double accuracyStd, double ece) {
        ObjectNode h = Json.object();
        h.put("deployments", DEPLOYMENTS);
        h.put("time_seconds", 20.0);
        h.put("device", "pcm-nandakumar");
        h.put("design", "bayes2imc");
        ArrayNode per = h.putArray("per_deployment");
        double[] acc = new double[DEPLOYMENTS];
        double[] eces = new double[DEPLOYMENTS];
        for (int k = 0; k < DEPLOYMENTS; k++) {
            acc[k] = accuracy + accuracyStd * rnd.nextGaussian();
            eces[k] = Math.max(0.002, ece + 0.3 * ece * rnd.nextGaussian());
            ObjectNode m = metrics(acc[k], eces[k], false, false);
            per.add(m);
        }
        h.set("accuracy", spreadOf(acc));
        h.set("ece", spreadOf(eces));
        h.set("nll", spread(0.38, 0.03));
        h.set("brier", spread(0.19, 0.01));
        h.set("ood_auroc_entropy", spread(0.85, 0.01));
        h.set("ood_auroc_mi", spread(0.83, 0.015));
        h.set("reliability", reliability(accuracy, ece));
        return h;
    }

    private ObjectNode metrics(double accuracy, double ece, boolean reliability, boolean histograms) {
        ObjectNode m = Json.object();
        m.put("accuracy", accuracy);
        m.put("nll", 0.30 + (0.9 - accuracy) * 2);
        m.put("brier", 0.16 + (0.9 - accuracy));
        m.put("ece", ece);
        m.put("entropy_mean", 0.31);
        m.put("aleatoric_mean", 0.27);
        m.put("epistemic_mean", 0.04);
        m.put("ood_auroc_entropy", 0.862);
        m.put("ood_aupr_entropy", 0.851);
        m.put("ood_fpr95_entropy", 0.55);
        m.put("ood_auroc_mi", 0.871);
        m.put("ood_aupr_mi", 0.86);
        m.put("ood_fpr95_mi", 0.52);
        if (reliability) {
            m.set("reliability", reliability(accuracy, ece));
        }
        if (histograms) {
            ObjectNode h = m.putObject("histograms");
            h.set("entropy_in", histogram(0, Math.log(10), 0.25, 30, 10000));
            h.set("entropy_ood", histogram(0, Math.log(10), 0.9, 30, 10000));
            h.set("mi_in", histogram(0, 0.7, 0.02, 30, 10000));
            h.set("mi_ood", histogram(0, 0.7, 0.09, 30, 10000));
        }
        return m;
    }

    /** 15 equal-width bins; over-confident by about the ECE in the upper bins, first bins empty. */
    private ArrayNode reliability(double accuracy, double ece) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        for (int i = 0; i < 15; i++) {
            double lo = i / 15.0;
            double hi = (i + 1) / 15.0;
            ObjectNode b = a.addObject();
            b.put("bin_lower", lo);
            b.put("bin_upper", hi);
            if (hi < 0.2) {
                b.put("count", 0);
                b.putNull("confidence");
                b.putNull("accuracy");
                continue;
            }
            double conf = (lo + hi) / 2 + 0.01 * rnd.nextGaussian() * 0.3;
            b.put("count", Math.round(20 + 9000 * Math.pow(conf, 8)));
            b.put("confidence", conf);
            b.put("accuracy", Math.max(0, Math.min(1, conf - 2 * ece * conf * (1 - conf) * 4 + 0.01 * rnd.nextGaussian())));
        }
        return a;
    }

    /** Counts of an exponential-like distribution with the given mean, truncated to [lo, hi]. */
    private static ObjectNode histogram(double lo, double hi, double mean, int bins, int n) {
        ObjectNode h = Json.object();
        ArrayNode edges = h.putArray("edges");
        ArrayNode counts = h.putArray("counts");
        double w = (hi - lo) / bins;
        double total = 0;
        double[] dens = new double[bins];
        for (int i = 0; i < bins; i++) {
            double c = lo + (i + 0.5) * w;
            dens[i] = Math.exp(-c / mean);
            total += dens[i];
        }
        for (int i = 0; i <= bins; i++) {
            edges.add(lo + i * w);
        }
        for (int i = 0; i < bins; i++) {
            counts.add(Math.round(n * dens[i] / total));
        }
        return h;
    }

    static ObjectNode spread(double mean, double std) {
        ObjectNode s = Json.object();
        s.put("mean", mean);
        s.put("std", std);
        s.put("min", mean - 2 * std);
        s.put("max", mean + 2 * std);
        return s;
    }

    private static ObjectNode spreadOf(double[] v) {
        double mean = 0;
        for (double x : v) {
            mean += x;
        }
        mean /= v.length;
        double ss = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        ObjectNode s = Json.object();
        s.put("mean", mean);
        s.put("std", Math.sqrt(ss / (v.length - 1)));
        s.put("min", min);
        s.put("max", max);
        return s;
    }
}
