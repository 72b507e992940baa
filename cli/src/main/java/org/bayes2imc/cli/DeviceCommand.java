package org.bayes2imc.cli;

import org.bayes2imc.device.DeviceCharacterisation;
import org.bayes2imc.device.DeviceModel;
import org.bayes2imc.config.DeviceConfig;
import org.bayes2imc.device.DistributionSummary;
import org.bayes2imc.device.Durations;
import org.bayes2imc.device.MappingConfig;
import org.bayes2imc.io.Json;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code bayes2imc device}: characterises one PCM device model as in a lab (docs/MODEL.md §4, §5). */
@Command(name = "device", mixinStandardHelpOptions = true,
        description = "Characterise a device model: programmed, drifted and read conductance distributions and, "
                + "for a target p, the chosen conductance and the sense amplifier's sampled frequency.")
public final class DeviceCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    DeviceOptions deviceOptions;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--target-conductance", paramLabel = "G", description = "target conductance, µS", required = true)
        Double conductanceMicroSiemens;
        @Option(names = "--target-p", paramLabel = "P", description = "target P(read > G_ref) in (0, 1)", required = true)
        Double p;
    }

    @Option(names = "--time", defaultValue = "20s", description = "time since programming: 20s, 1h, 1d, 1y, 1e7s, ... (default: ${DEFAULT-VALUE})")
    String time;

    @picocli.CommandLine.Mixin
    DesignTimeOption designTime;

    /** --encoding, --g-ref and --epsilon (which p the target is stored deterministically for), shared with deploy. */
    @picocli.CommandLine.Mixin
    MappingOptions mapping;

    @Option(names = "--draws", defaultValue = "100000", description = "devices programmed and read (default: ${DEFAULT-VALUE})")
    int draws;

    @Option(names = "--seed", defaultValue = "1", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", defaultValue = "out/device", description = "output directory for results.json (default: ${DEFAULT-VALUE})")
    Path out;

    @Override
    public Integer call() {
        Checks.count("--draws", draws, Checks.MAX_DRAWS);
        // five doubles per device (programmed, ν, drifted, read, realised p) plus a sorted copy for the percentiles
        Checks.memory("--draws " + draws, 6.0 * Double.BYTES * draws);
        MappingConfig mappingConfig = mapping.apply(MappingConfig.defaults(), Given.ALL);
        if (target.p != null) {
            Checks.open("--target-p", target.p, 0, 1);
        } else {
            Checks.range("--target-conductance", target.conductanceMicroSiemens, 0, 1000);
        }
        double seconds = Checks.seconds("--time", time);
        double design = designTime.seconds(seconds);
        DeviceModel model = deviceOptions.apply(DeviceConfig.defaults(), Given.ALL).create();
        OutputDir.claim("--out", out);
        var settings = new DeviceCharacterisation.Settings(model, target.conductanceMicroSiemens, target.p, seconds,
                design, draws, seed, mappingConfig);
        var result = DeviceCharacterisation.run(settings);
        print(result);
        Path file = out.resolve("results.json");
        Json.write(file, DeviceCharacterisation.report(result));
        System.out.println("wrote " + file);
        return 0;
    }

    private static void print(DeviceCharacterisation.Result r) {
        var s = r.settings();
        System.out.printf(Locale.ROOT, "device %s, t = %s after programming, %d devices, seed %d%n",
                s.model().name(), Durations.label(s.seconds()), s.draws(), s.seed());
        System.out.printf(Locale.ROOT, "target conductance %.4f µS%s%n", r.targetConductanceMicroSiemens(),
                s.targetP() == null ? "" : String.format(Locale.ROOT, " (solved for p = %s%s)", s.targetP(),
                        r.deterministic() ? ", deterministic: SET/RESET" : ""));
        System.out.printf(Locale.ROOT, "%-24s %9s %9s %9s %9s %9s %9s %9s %9s %9s%n",
                "", "mean", "std", "p1", "p5", "p25", "p50", "p75", "p95", "p99");
        row("programmed G (µS)", r.programmed());
        row("drift exponent ν", r.driftExponent());
        row("drifted G (µS)", r.drifted());
        row("read G (µS)", r.read());
        row("realised p", r.realisedP());
        System.out.printf(Locale.ROOT, "programming attempts %.3f, pulses %.3f per device (mean)%n",
                r.meanAttempts(), r.meanPulses());
        String compared = Double.isNaN(r.minusTargetMicroSiemens()) ? String.format(Locale.ROOT, "reads > G_ref = %.3g µS",
                s.mapping().referenceMicroSiemens()) : String.format(Locale.ROOT, "reads of G+ > reads of G- (G- target %.4f µS)",
                r.minusTargetMicroSiemens());
        System.out.printf(Locale.ROOT, "design read time %s; %s: %d of %d, frequency %.5f, 99.9%% interval [%.5f, %.5f]"
                        + ", expected %.5f (no drift compensation)%s%n",
                Durations.label(s.designSeconds()), compared, r.readsAboveReference(), s.draws(), r.sampledFrequency(),
                r.interval().low(), r.interval().high(), r.realisedP().mean(),
                s.targetP() == null ? "" : String.format(Locale.ROOT, ", target p %s %s", s.targetP(),
                        r.interval().contains(s.targetP()) ? "inside" : "OUTSIDE"));
    }

    private static void row(String name, DistributionSummary d) {
        System.out.printf(Locale.ROOT, "%-24s %9.4f %9.4f %9.4f %9.4f %9.4f %9.4f %9.4f %9.4f %9.4f%n", name,
                d.mean(), d.std(), d.p1(), d.p5(), d.p25(), d.p50(), d.p75(), d.p95(), d.p99());
    }
}
