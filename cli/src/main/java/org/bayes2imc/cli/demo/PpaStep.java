package org.bayes2imc.cli.demo;

import org.bayes2imc.hardware.Design;
import org.bayes2imc.hardware.PipelineMode;
import org.bayes2imc.hardware.PpaModel;
import org.bayes2imc.hardware.PpaResult;
import org.bayes2imc.hardware.PpaRow;
import org.bayes2imc.hardware.PpaTables;
import org.bayes2imc.sparsity.SparsityMode;
import org.bayes2imc.hardware.SparsityProfile;
import org.bayes2imc.model.Architecture;
import org.bayes2imc.model.Architectures;

import java.util.ArrayList;
import java.util.List;

/**
 * The demo's PPA tables: the demo model (sparsity from its λ) and VGGBinaryConnect for 10 and 100 classes
 * (sparsity as in the source: L* = first FC layer, 14 % of rows in the stochastic plane, docs/MODEL.md §8), for
 * Bayes2IMC and the SRAM baseline, pipelined and not, without and with sampling sparsity.
 */
public final class PpaStep {
    /** The source's share of FC rows in the stochastic plane, used where no trained model is at hand. */
    public static final double SOURCE_SP_ROW_FRACTION = 0.14;

    private PpaStep() {
    }

    /** A network with its sparsity-aware profiles (LS and LS+RS). */
    public record Case(String network, Architecture architecture, SparsityProfile ls, SparsityProfile lsRs) {
    }

    public static List<Case> defaultCases(String modelName, Architecture modelArch, SparsityProfile modelLsRs) {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case(modelName, modelArch,
                SparsityProfile.layerSparsity(modelArch, modelLsRs.firstEnsemblingLayer()), modelLsRs));
        for (String n : List.of("vgg-binaryconnect:10", "vgg-binaryconnect:100")) {
            Architecture a = Architectures.parse(n);
            int l = SparsityProfile.defaultFirstEnsemblingLayer(a);
            cases.add(new Case(n, a, SparsityProfile.layerSparsity(a, l),
                    SparsityProfile.of(SparsityMode.LS_RS, a, l, SOURCE_SP_ROW_FRACTION)));
        }
        return cases;
    }

    public static PpaTables run(List<Case> cases, int samples) {
        List<PpaRow> rows = new ArrayList<>();
        List<PpaTables.Breakdown> breakdown = new ArrayList<>();
        for (Case c : cases) {
            for (PipelineMode mode : PipelineMode.values()) {
                for (Design design : List.of(Design.values())) {
                    List<SparsityProfile> profiles = design == Design.BAYES2IMC
                            ? List.of(SparsityProfile.none(c.architecture()), c.ls(), c.lsRs())
                            : List.of(SparsityProfile.none(c.architecture()));
                    for (SparsityProfile p : profiles) {
                        PpaResult r = PpaModel.evaluate(c.architecture(), design, mode, p, samples);
                        rows.add(r.toRow().withNetwork(c.network()));
                        var area = r.areaUm2ByComponent();
                        r.energyPjByComponent().forEach((component, pj) -> breakdown.add(new PpaTables.Breakdown(
                                c.network(), design.cliName(), mode.cliName(), p.mode().label(), component, pj * 1e-6,
                                area.getOrDefault(component, 0.0) * 1e-6)));
                    }
                }
            }
        }
        return new PpaTables(PpaResult.OPS_DEFINITION, rows, breakdown);
    }
}
