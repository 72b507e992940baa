package org.bayes2imc.cli.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bayes2imc.hardware.Design;
import org.bayes2imc.hardware.PipelineMode;
import org.bayes2imc.hardware.PpaModel;
import org.bayes2imc.hardware.PpaResult;
import org.bayes2imc.sparsity.SparsityMode;
import org.bayes2imc.hardware.SparsityProfile;
import org.bayes2imc.io.Json;
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

    public static ObjectNode run(List<Case> cases, int samples) {
        ObjectNode out = Json.object();
        out.put("ops_definition", PpaResult.OPS_DEFINITION);
        ArrayNode rows = out.putArray("rows");
        ArrayNode breakdown = out.putArray("breakdown");
        for (Case c : cases) {
            for (PipelineMode mode : PipelineMode.values()) {
                for (Design design : List.of(Design.values())) {
                    List<SparsityProfile> profiles = design == Design.BAYES2IMC
                            ? List.of(SparsityProfile.none(c.architecture()), c.ls(), c.lsRs())
                            : List.of(SparsityProfile.none(c.architecture()));
                    for (SparsityProfile p : profiles) {
                        PpaResult r = PpaModel.evaluate(c.architecture(), design, mode, p, samples);
                        ObjectNode row = r.toRow();
                        row.put("network", c.network());
                        rows.add(row);
                        var area = r.areaUm2ByComponent();
                        r.energyPjByComponent().forEach((component, pj) -> {
                            ObjectNode b = breakdown.addObject();
                            b.put("network", c.network());
                            b.put("design", design.cliName());
                            b.put("mode", mode.cliName());
                            b.put("sparsity", p.mode().label());
                            b.put("component", component);
                            b.put("energy_uj", pj * 1e-6);
                            b.put("area_mm2", area.getOrDefault(component, 0.0) * 1e-6);
                        });
                    }
                }
            }
        }
        return out;
    }
}
