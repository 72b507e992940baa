package org.bayes2imc.sweep;

import org.bayes2imc.correct.LogitCorrections;
import org.bayes2imc.device.DeviceModel;
import org.bayes2imc.device.DeviceModels;
import org.bayes2imc.device.MappingConfig;
import org.bayes2imc.device.SynapseEncoding;
import org.bayes2imc.hardware.ComponentLibrary;
import org.bayes2imc.hardware.PipelineMode;
import org.bayes2imc.hardware.PpaConfig;
import org.bayes2imc.hardware.PpaModel;
import org.bayes2imc.hardware.PpaResult;
import org.bayes2imc.hardware.SparsityProfile;
import org.bayes2imc.imc.DeployOptions;
import org.bayes2imc.imc.SamplerDesign;
import org.bayes2imc.imc.DriftCompensation;
import org.bayes2imc.imc.Spread;
import org.bayes2imc.io.Progress;
import org.bayes2imc.metrics.EvaluationResult;
import org.bayes2imc.model.BbnnModel;
import org.bayes2imc.sparsity.SparsityMode;
import org.bayes2imc.study.Study;
import org.bayes2imc.study.StudyCell;
import org.bayes2imc.study.SpreadDecomposition;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The one adapter between a sweep cell and the study engine (docs/SWEEP.md): the cell's settings → the deployment
 * options of {@code bayes2imc deploy}, run as a one-configuration {@link Study}, and the PPA configuration of
 * {@code bayes2imc ppa} → one {@link SweepRow}. When
 * the study layer's configuration records change, only this class changes. A cell runs on one thread (the sweep
 * parallelises over cells); its seed is the cell's content hash.
 */
public final class CellStudy {
    private CellStudy() {
    }

    /** Runs the cell; a failure becomes a row with status {@code failed} and the error's one-line message. */
    public static SweepRow run(Cell cell, CellInputs inputs) {
        long t0 = System.nanoTime();
        try {
            CellFigures f = figures(cell, inputs);
            return new SweepRow(cell.index(), cell.id(), cell.model(), cell.settings(), SweepRow.OK, null, f,
                    (System.nanoTime() - t0) / 1e9);
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
            return new SweepRow(cell.index(), cell.id(), cell.model(), cell.settings(), SweepRow.FAILED,
                    m.replaceAll("[\\r\\n]+", " "), CellFigures.none(), (System.nanoTime() - t0) / 1e9);
        }
    }

    /** The deployment options of the cell, as {@code bayes2imc deploy} builds them from its options. */
    public static DeployOptions options(Cell c) {
        DeviceModel dev = DeviceModels.create(c.text("device"), c.number("programming_noise_scale"),
                c.number("read_noise_scale"), c.number("drift_scale"));
        if (c.flag("program_verify")) {
            dev = DeviceModels.withProgramAndVerify(dev);
        }
        SynapseEncoding enc = c.text("encoding").equals("differential") ? SynapseEncoding.DIFFERENTIAL_PAIR
                : SynapseEncoding.SINGLE_DEVICE;
        MappingConfig mapping = MappingConfig.defaults().withEncoding(enc).withReference(c.number("g_ref"))
                .withEpsilon(c.number("epsilon"))
                .withTargetNoise(org.bayes2imc.device.TargetNoise.parse(c.text("target_noise")));
        double seconds = c.number("time");
        return DeployOptions.defaults(dev)
                .withDesign(c.text("design").equals("sram") ? SamplerDesign.SRAM : SamplerDesign.BAYES2IMC)
                .withMapping(mapping)
                .withMappingSeconds(seconds) // the design read time defaults to the study's read time, as in deploy
                .withCompensation(DriftCompensation.parse(c.text("compensation"), c.integer("reference_devices")))
                .withArraySize(c.integer("array_size"))
                .withActivationBits(c.integer("activation_bits"))
                .withSramBits(c.integer("p_bits"))
                .withSamples(c.integer("samples"))
                .withDeployments(c.integer("deployments"))
                .withSeconds(seconds)
                .withSparsity(SparsityMode.parse(c.text("sparsity")))
                .withSeed(c.seed())
                .withThreads(1);
    }

    private static CellFigures figures(Cell c, CellInputs in) {
        BbnnModel model = in.model(c.modelSha256());
        double n = Double.NaN;
        boolean functional = !c.text("design").equals("adc-imc");
        int lStar = SparsityProfile.defaultFirstEnsemblingLayer(model.architecture());
        List<EvaluationResult> raw = null;
        List<EvaluationResult> fixed = null;
        SpreadDecomposition spread = null;
        if (functional) {
            DeployOptions o = options(c);
            boolean floor = c.flag("floor") && o.design() == SamplerDesign.BAYES2IMC;
            Study.Builder b = Study.builder().setModel(model).setTest(in.test()).setCalibration(in.calibration())
                    .addConfiguration(o).optTimes(o.seconds()).optDeployments(o.deployments())
                    .optCorrection(LogitCorrections.byName(c.text("correction"))).optSoftware(false);
            if (in.ood() != null) {
                b.optOod(in.ood());
            }
            if (floor) {
                b.optFloor(o.deployments()); // the same K with programming noise and drift off (MODEL.md §7)
            }
            StudyCell cell = b.build().run(Progress.NONE).only();
            lStar = cell.firstEnsemblingLayer();
            raw = cell.raw();
            fixed = cell.corrected();
            spread = floor ? cell.spreadDecomposition() : null;
        }
        PpaResult p = ppa(c, model, lStar);
        return new CellFigures(
                raw == null ? 0 : raw.get(0).images(), raw == null || in.ood() == null ? 0 : raw.get(0).oodImages(),
                mean(raw, EvaluationResult::accuracy), std(raw, EvaluationResult::accuracy),
                mean(raw, EvaluationResult::ece), std(raw, EvaluationResult::ece),
                mean(raw, EvaluationResult::eceCalibrated), std(raw, EvaluationResult::eceCalibrated),
                mean(raw, EvaluationResult::nll), std(raw, EvaluationResult::nll),
                mean(raw, EvaluationResult::nllCalibrated),
                mean(raw, CellStudy::oodAuroc), std(raw, CellStudy::oodAuroc),
                mean(fixed, EvaluationResult::accuracy), mean(fixed, EvaluationResult::eceCalibrated),
                spread == null ? n : spread.raw().get("accuracy").floor(),
                spread == null ? n : spread.raw().get("accuracy").deploymentInduced(),
                spread == null ? n : spread.raw().get("ece_calibrated").floor(),
                spread == null ? n : spread.raw().get("ece_calibrated").deploymentInduced(),
                p.energyUj(), p.latencyUs(), p.areaMm2(), p.gopsPerW(), p.gopsPerWMm2());
    }

    /** The PPA projection of the cell's configuration, as {@code bayes2imc ppa} computes it (docs/MODEL.md §9). */
    static PpaResult ppa(Cell c, BbnnModel model, int firstEnsemblingLayer) {
        SparsityMode sm = SparsityMode.parse(c.text("sparsity"));
        SparsityProfile sp = sm == SparsityMode.LS_RS
                ? SparsityProfile.fromModel(model, c.number("epsilon"), firstEnsemblingLayer)
                : SparsityProfile.of(sm, model.architecture(), firstEnsemblingLayer, 1.0);
        PpaConfig cfg = PpaConfig.defaults()
                .with("array_size", c.integer("array_size"))
                .with("activation_bits", c.integer("activation_bits"))
                .with("p_bits", c.integer("p_bits"))
                .with("devices_per_synapse", c.text("encoding").equals("differential") ? 2 : 1);
        return PpaModel.evaluate(model.architecture(), org.bayes2imc.hardware.Design.parse(c.text("design")),
                PipelineMode.parse(c.text("pipeline")), sp, c.integer("samples"), cfg, ComponentLibrary.defaults());
    }

    private static double oodAuroc(EvaluationResult r) {
        return r.oodEntropy() == null ? Double.NaN : r.oodEntropy().auroc();
    }

    private static double mean(List<EvaluationResult> rs, ToDoubleFunction<EvaluationResult> f) {
        return rs == null ? Double.NaN : Spread.of(rs.stream().mapToDouble(f).toArray()).mean();
    }

    private static double std(List<EvaluationResult> rs, ToDoubleFunction<EvaluationResult> f) {
        return rs == null ? Double.NaN : Spread.of(rs.stream().mapToDouble(f).toArray()).std();
    }
}
