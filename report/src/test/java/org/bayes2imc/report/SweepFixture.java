package org.bayes2imc.report;

import org.bayes2imc.io.AtomicFiles;

import java.nio.file.Path;
import java.util.Locale;

/**
 * A sweep table as {@code bayes2imc sweep} writes it (the columns the design-space page reads, docs/SWEEP.md):
 * 3 designs × 2 read times × 2 sample counts, adc-imc without functional figures, one failed cell.
 */
final class SweepFixture {
    static final String HEADER = "index,cell_id,model,design,time_seconds,samples,status,error,accuracy_mean,accuracy_std,"
            + "ece_calibrated_mean,ece_mean,nll_mean,ood_auroc_mean,accuracy_deployment_induced_std,energy_per_image_uj,"
            + "latency_us,area_mm2,gops_per_w,gops_per_w_mm2";

    private SweepFixture() {
    }

    static Path write(Path dir) {
        StringBuilder s = new StringBuilder(HEADER).append('\n');
        int i = 0;
        for (String design : new String[] {"bayes2imc", "sram", "adc-imc"}) {
            for (double t : new double[] {20, 315576000}) {
                for (int samples : new int[] {4, 10}) {
                    boolean failed = i == 7;
                    boolean functional = !design.equals("adc-imc") && !failed;
                    double acc = 0.80 + 0.01 * samples / 10.0 - (t > 100 ? 0.02 : 0) + (design.equals("sram") ? 0.005 : 0);
                    double energy = samples * (design.equals("bayes2imc") ? 0.5 : design.equals("sram") ? 1.3 : 2.1);
                    double area = design.equals("bayes2imc") ? 0.8 : design.equals("sram") ? 1.6 : 1.1;
                    s.append(String.format(Locale.ROOT, "%d,%016x,tiny.safetensors,%s,%s,%d,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s%n",
                            i, 0xabcdefL + i, design, t, samples, failed ? "failed" : "ok",
                            failed ? "\"IllegalArgumentException: p_bits 16, \"\"quoted\"\" exceeds array_size 8\"" : "",
                            functional ? acc : "", functional ? 0.002 : "", functional ? 0.03 - 0.001 * samples : "",
                            functional ? 0.2 : "", functional ? 0.4 : "", functional ? 0.9 : "", functional ? 0.001 : "",
                            failed ? "" : energy, failed ? "" : 3.0 * samples, failed ? "" : area,
                            failed ? "" : 1000 / energy, failed ? "" : 1000 / energy / area));
                    i++;
                }
            }
        }
        Path f = dir.resolve("sweep.csv");
        AtomicFiles.writeString(f, s.toString());
        return f;
    }
}
