package org.bayes2imc.cli;

import org.bayes2imc.hardware.ComponentLibrary;
import org.bayes2imc.hardware.Design;
import org.bayes2imc.hardware.LayerPpa;
import org.bayes2imc.hardware.PipelineMode;
import org.bayes2imc.hardware.PpaComparison;
import org.bayes2imc.hardware.PpaConfig;
import org.bayes2imc.hardware.PpaModel;
import org.bayes2imc.hardware.PpaResult;
import org.bayes2imc.hardware.PpaRatios;
import org.bayes2imc.hardware.PpaReport;
import org.bayes2imc.hardware.PpaRow;
import org.bayes2imc.hardware.PpaSweep;
import org.bayes2imc.sparsity.SparsityMode;
import org.bayes2imc.hardware.SparsityProfile;
import org.bayes2imc.io.Json;
import org.bayes2imc.model.Architecture;
import org.bayes2imc.model.Architectures;
import org.bayes2imc.model.BbnnModel;
import org.bayes2imc.model.ModelFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code bayes2imc ppa}: power, performance and area of a core for a network (docs/MODEL.md §9), printed and in results.json. */
@Command(name = "ppa", mixinStandardHelpOptions = true,
        description = "Project latency, energy per inference, area, GOPS, GOPS/W and GOPS/W/mm2 of a core "
                + "(bayes2imc, sram, adc-imc) for a network, per layer and in total, with breakdowns and ratios.")
public final class PpaCommand implements Callable<Integer> {

    @Option(names = "--network", description = "vgg-binaryconnect:10, vgg-binaryconnect:100, fmnist-small, mlp or "
            + "custom:CxHxW:CLASSES:WIDTHS (default: the --model's network)")
    String network;

    @Option(names = "--model", description = "trained model (.safetensors): its λ give the SP-row fractions for ls+rs "
            + "(whole-row granularity, see --epsilon)")
    Path model;

    @Option(names = "--epsilon", defaultValue = "0.01", description = "a synapse is probabilistic when eps <= p <= 1-eps (default ${DEFAULT-VALUE})")
    double epsilon;

    @Option(names = "--design", defaultValue = "bayes2imc", description = "bayes2imc | sram | adc-imc (default ${DEFAULT-VALUE})")
    String design;

    @Option(names = "--compare", description = "design to compare against (ratios > 1: --design is better)")
    String compare;

    @Option(names = "--mode", defaultValue = "pipelined", description = "pipelined | non-pipelined (default ${DEFAULT-VALUE})")
    String mode;

    @Option(names = "--sparsity", defaultValue = "none", description = "none | ls | ls+rs (default ${DEFAULT-VALUE})")
    String sparsity;

    @picocli.CommandLine.Mixin
    SamplesOption samplesOption;
    /** --samples, validated at the start of call(). */
    int samples;

    @Option(names = "--first-ensembling-layer", description = "L*, 0-based layer index (default: the first FC layer, "
            + "the source's layer 7 of VGGBinaryConnect)")
    Integer firstEnsemblingLayer;

    @Option(names = "--sp-row-fraction", description = "fraction of rows in the stochastic plane of every ensembled "
            + "layer, for ls+rs without --model (e.g. 0.14)")
    Double spRowFraction;

    @Option(names = "--array-size", description = "crossbar rows = columns (default 128)")
    Integer arraySize;

    @Option(names = {"--sram-bits", "--p-bits"}, description = "bits of the SRAM baseline's p word (default 8)")
    Integer pBits;

    @Option(names = "--adc-bits", description = "column ADC bits of adc-imc (default 4)")
    Integer adcBits;

    @Option(names = "--set", description = "override a config key, key=value (repeatable); keys: " + "array_size, "
            + "activation_bits, p_bits, adc_bits, adc_column_mux, adc_weight_bits, input_bit_activity, "
            + "devices_per_synapse, node_nm, vdd_v, clock_ghz, arrays_per_pe, pes_per_tile, tile_buffer_kib, "
            + "bn_units_per_tile, interconnect_mm; or a component figure such as pcm_cell_read.energy_pj")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--sweep", description = "vary one key: key=v1,v2,... (a config key, samples, or a component "
            + "figure such as sram_cell_read.energy_pj)")
    String sweep;

    @Option(names = "--components", description = "component library (YAML/JSON) replacing the defaults")
    Path components;

    @Option(names = "--out", defaultValue = "out/ppa", description = "output directory (default ${DEFAULT-VALUE})")
    Path out;

    @Override
    public Integer call() {
        samples = samplesOption.value();
        PrintStream o = System.out;
        // physical ranges first, naming the option (PpaConfig repeats them for --set, naming the key)
        Checks.epsilon("--epsilon", epsilon);
        if (arraySize != null) {
            Checks.arraySize("--array-size", arraySize);
        }
        if (pBits != null) {
            Checks.bits("--sram-bits", pBits);
        }
        if (adcBits != null) {
            Checks.bits("--adc-bits", adcBits);
        }
        if (spRowFraction != null) {
            Checks.range("--sp-row-fraction", spRowFraction, 0, 1);
        }
        BbnnModel m = model == null ? null : ModelFile.read(model);
        Architecture arch;
        if (network != null) {
            arch = Architectures.parse(network);
            if (m != null && !m.architecture().layers().equals(arch.layers())) {
                throw new IllegalArgumentException("--network " + network + " does not match the network of " + model);
            }
        } else if (m != null) {
            arch = m.architecture();
        } else {
            throw new IllegalArgumentException("--network is required (or give --model)");
        }
        Design d = Design.parse(design);
        Design c = compare == null ? null : Design.parse(compare);
        PipelineMode pm = PipelineMode.parse(mode);
        SparsityMode sm = SparsityMode.parse(sparsity);
        OutputDir.claim("--out", out); // after the options are parsed, before any work
        int lStar = firstEnsemblingLayer == null ? SparsityProfile.defaultFirstEnsemblingLayer(arch) : firstEnsemblingLayer;
        SparsityProfile sp;
        if (sm == SparsityMode.LS_RS && m != null && spRowFraction == null) {
            sp = SparsityProfile.fromModel(m, epsilon, lStar);
        } else {
            if (sm == SparsityMode.LS_RS && spRowFraction == null) {
                throw new IllegalArgumentException("--sparsity ls+rs needs --model or --sp-row-fraction");
            }
            sp = SparsityProfile.of(sm, arch, lStar, spRowFraction == null ? 1.0 : spRowFraction);
        }
        PpaConfig cfg = PpaConfig.defaults();
        if (arraySize != null) {
            cfg = cfg.with("array_size", arraySize);
        }
        if (pBits != null) {
            cfg = cfg.with("p_bits", pBits);
        }
        if (adcBits != null) {
            cfg = cfg.with("adc_bits", adcBits);
        }
        ComponentLibrary lib = components == null ? ComponentLibrary.defaults() : ComponentLibrary.load(components);
        for (String kv : overrides) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--set '" + kv + "' must read key=value");
            }
            String key = kv.substring(0, eq);
            try {
                double v = Double.parseDouble(kv.substring(eq + 1));
                if (key.contains(".")) { // a component figure, as --sweep takes it: entry.energy_pj|area_um2|latency_ns
                    String[] parts = key.split("\\.", 2);
                    lib = lib.withFigure(parts[0], parts[1], v);
                } else {
                    cfg = cfg.with(key, v);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--set '" + kv + "': value is not a number");
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--set '" + kv + "': " + e.getMessage());
            }
        }

        PpaResult r = PpaModel.evaluate(arch, d, pm, sp, samples, cfg, lib);
        PpaResult base = c == null ? null : PpaModel.evaluate(arch, c, pm, sp, samples, cfg, lib);

        o.printf(Locale.ROOT, "network %s, design %s, mode %s, sparsity %s (L* = layer %d, 0-based), S = %d, %s, components %s%n",
                r.network(), d.cliName(), pm.cliName(), sm.label(), lStar, samples, describe(cfg), lib.sourceName());
        o.println(PpaResult.OPS_DEFINITION);
        printLayers(o, r);
        printBreakdown(o, r);
        PpaResults.Settings settings = new PpaResults.Settings(r.network(), model == null ? null : model.toString(),
                epsilon, d.cliName(), c == null ? null : c.cliName(), pm.cliName(), sm.label(), lStar, spRowFraction,
                samples, cfg, lib.sourceName(), sweep);
        List<PpaRow> rows = new ArrayList<>();
        PpaReport compareResult = null;
        PpaRatios ratios = null;
        PpaSweep.Report sweepReport = null;
        rows.add(r.toRow());
        if (base != null) {
            PpaComparison cmp = new PpaComparison(r, base);
            o.printf(Locale.ROOT, "%ncompared design %s: %.2f uJ, %.3f us, %.3f mm2, %.1f GOPS, %.1f GOPS/W, %.2f GOPS/W/mm2%n",
                    c.cliName(), base.energyUj(), base.latencyUs(), base.areaMm2(), base.gops(), base.gopsPerW(), base.gopsPerWMm2());
            o.printf(Locale.ROOT, "ratios %s over %s (> 1 = %s better): energy %.2fx, area %.2fx, latency %.2fx, GOPS %.2fx, "
                            + "GOPS/W %.2fx, GOPS/W/mm2 %.2fx%n", d.cliName(), c.cliName(), d.cliName(), cmp.energyRatio(),
                    cmp.areaRatio(), cmp.latencyRatio(), cmp.gopsRatio(), cmp.gopsPerWRatio(), cmp.gopsPerWMm2Ratio());
            compareResult = base.report();
            ratios = cmp.ratios();
            rows.add(base.toRow());
        }
        if (sweep != null) {
            PpaSweep s = PpaSweep.run(sweep, new PpaSweep.Base(arch, d, c, pm, sp, samples, cfg, lib));
            printSweep(o, s, d, c);
            sweepReport = s.report();
        }
        Path file = out.resolve("results.json");
        Json.write(file, new PpaResults("ppa", settings, PpaResult.OPS_DEFINITION, r.report(), rows, compareResult,
                ratios, sweepReport));
        o.println("wrote " + file);
        return 0;
    }

    private static String describe(PpaConfig c) {
        return String.format(Locale.ROOT, "%.0f nm, %.2f V, %.1f GHz, %dx%d arrays, %d-bit activations, p %d bits, "
                        + "ADC %d bits / %d columns, adc weight bits %d", c.nodeNm(), c.vddV(), c.clockGhz(), c.arraySize(),
                c.arraySize(), c.activationBits(), c.pBits(), c.adcBits(), c.adcColumnMux(), c.adcWeightBits());
    }

    private static void printLayers(PrintStream o, PpaResult r) {
        o.printf(Locale.ROOT, "%n%-7s %7s %8s %12s %12s %10s %11s %12s%n", "layer", "arrays", "sampled", "latency_us",
                "energy_uj", "area_mm2", "GOPS", "GOPS/W");
        for (LayerPpa l : r.layers()) {
            o.printf(Locale.ROOT, "%-7s %7d %8.3f %12.3f %12.4f %10.4f %11.2f %12.1f%n", l.name(), l.arrays(),
                    l.sampledRowFraction(), l.latencyUs(), l.energyUj(), l.areaMm2(), l.gops(), l.gopsPerW());
        }
        o.printf(Locale.ROOT, "%-7s %7d %8s %12.3f %12.4f %10.4f %11.2f %12.1f%n", "total", r.arrays(), "",
                r.latencyUs(), r.energyUj(), r.areaMm2(), r.gops(), r.gopsPerW());
        o.printf(Locale.ROOT, "ops per inference %.4g; GOPS/W/mm2 %.3f%n", r.ops(), r.gopsPerWMm2());
    }

    private static void printBreakdown(PrintStream o, PpaResult r) {
        o.printf(Locale.ROOT, "%n%-16s %12s %7s %12s %7s%n", "component", "energy_uj", "share", "area_mm2", "share");
        Map<String, Double> e = r.energyPjByComponent();
        Map<String, Double> a = r.areaUm2ByComponent();
        java.util.TreeSet<String> names = new java.util.TreeSet<>(e.keySet());
        names.addAll(a.keySet());
        double et = r.energyPj();
        double at = r.areaMm2() * 1e6;
        for (String n : names) {
            double ev = e.getOrDefault(n, 0.0);
            double av = a.getOrDefault(n, 0.0);
            o.printf(Locale.ROOT, "%-16s %12.4f %6.1f%% %12.4f %6.1f%%%n", n, ev * 1e-6, 100 * ev / et, av * 1e-6, 100 * av / at);
        }
    }

    private static void printSweep(PrintStream o, PpaSweep s, Design d, Design c) {
        o.printf(Locale.ROOT, "%nsweep %s%n%-10s %12s %10s %12s", s.key(), "value", "energy_uj", "area_mm2", "GOPS/W");
        if (c != null) {
            o.printf(Locale.ROOT, " %14s %16s %16s", c.cliName() + " GOPS/W", "GOPS/W ratio", "GOPS/W/mm2 ratio");
        }
        o.println();
        for (PpaSweep.Point p : s.points()) {
            o.printf(Locale.ROOT, "%-10s %12.4f %10.4f %12.1f", trim(p.value()), p.subject().energyUj(), p.subject().areaMm2(),
                    p.subject().gopsPerW());
            if (p.baseline() != null) {
                PpaComparison cmp = p.comparison();
                o.printf(Locale.ROOT, " %14.1f %16.2f %16.2f", p.baseline().gopsPerW(), cmp.gopsPerWRatio(), cmp.gopsPerWMm2Ratio());
            }
            o.println();
        }
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
