package org.bayes2imc.study;

import org.bayes2imc.correct.LogitCorrections;
import org.bayes2imc.data.Dataset;
import org.bayes2imc.data.TestData;
import org.bayes2imc.device.DeviceModels;
import org.bayes2imc.imc.DeployOptions;
import org.bayes2imc.imc.DeployedCore;
import org.bayes2imc.imc.DriftCompensation;
import org.bayes2imc.imc.HandmadeModels;
import org.bayes2imc.imc.NoCompensation;
import org.bayes2imc.io.Progress;
import org.bayes2imc.metrics.Evaluation;
import org.bayes2imc.metrics.EvaluationResult;
import org.bayes2imc.model.Architectures;
import org.bayes2imc.model.BbnnModel;
import org.bayes2imc.sparsity.SparsityMode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The study engine: each (configuration, deployment, time) reads exactly the random streams of the runner's
 * primitives (program k, realise at t, read), whatever else the study holds; the floor is the same loop on the
 * floor options; the builder names what is missing.
 */
class StudyTest {
    private static final double DAY = 86400.0;
    private static BbnnModel model;
    private static Dataset test;
    private static Dataset calibration;
    private static DeployOptions base;

    @BeforeAll
    static void setUp() {
        model = HandmadeModels.rowStructured(Architectures.parse(Architectures.FMNIST_TINY), 0.2, 4,
                TestData.fashionTrain(200));
        test = TestData.fashionTest(96);
        calibration = TestData.fashionTrain(64);
        base = DeployOptions.defaults(DeviceModels.create("ibm-pcm")).withSamples(2).withDeployments(2).withThreads(2)
                .withChunkImages(32);
    }

    /** The figures of deployment k at t computed directly with the runner's primitives. */
    private static EvaluationResult direct(DeployOptions o, int k, double seconds, Dataset ood) {
        DeploymentRunner r = new DeploymentRunner(model, o);
        r.calibrateActivations(calibration);
        DeployedCore core = r.core(r.program(k), k, seconds);
        return Evaluation.of(r.logits(core, test, Progress.NONE), test.labels(), model.calibrationTemperature(),
                ood == null ? null : r.logits(core, ood, Progress.NONE));
    }

    @Test
    void everyCellIsTheRunnersPrimitiveLoopWhateverElseTheStudyHolds() {
        DriftCompensation none = new NoCompensation();
        StudyResult r = Study.builder().setModel(model).setTest(test).setCalibration(calibration)
                .addConfiguration("none", base.withCompensation(none))
                .addConfiguration("ls", base.withSparsity(SparsityMode.LS))
                .optTimes(20.0, DAY).optSoftware(false).build().run(Progress.NONE);
        assertThat(r.cells()).extracting(StudyCell::configuration).containsExactly("none", "none", "ls", "ls");
        assertThat(r.software()).isNull();
        for (StudyCell c : r.cells()) {
            DeployOptions o = c.configuration().equals("none") ? base.withCompensation(none)
                    : base.withSparsity(SparsityMode.LS);
            assertThat(c.deployments()).hasSize(2);
            for (int k = 0; k < 2; k++) {
                assertThat(c.raw().get(k).nll()).as(c.configuration() + " k=" + k + " t=" + c.seconds())
                        .isEqualTo(direct(o, k, c.seconds(), null).nll());
            }
        }
        // alone, the one cell gives the same numbers as inside the larger study
        StudyCell alone = Study.builder().setModel(model).setTest(test).setCalibration(calibration)
                .addConfiguration("ls", base.withSparsity(SparsityMode.LS)).optTimes(DAY).optSoftware(false).build()
                .run(Progress.NONE).only();
        assertThat(alone.raw()).extracting(EvaluationResult::nll)
                .containsExactlyElementsOf(r.cell("ls", DAY).raw().stream().map(EvaluationResult::nll).toList());
        assertThat(r.cell("none", 20.0).raw().get(0).nll()).isNotEqualTo(r.cell("none", DAY).raw().get(0).nll());
    }

    @Test
    void floorIsTheSameLoopWithNoiseAndDriftOffAndItsOwnStreams() {
        StudyResult r = Study.builder().setModel(model).setTest(test).setCalibration(calibration)
                .addConfiguration(base).optTimes(DAY).optFloor(3).optSoftware(false)
                .optCorrection(LogitCorrections.byName("affine")).build().run(Progress.NONE);
        StudyCell c = r.only();
        assertThat(c.floorRaw()).hasSize(3);
        assertThat(c.floorCorrected()).hasSize(3);
        DeployOptions floor = Study.floorOptions(base);
        for (int k = 0; k < 3; k++) {
            assertThat(c.floorRaw().get(k).nll()).isEqualTo(direct(floor, k, DAY, null).nll());
        }
        assertThat(c.floorRaw().get(0).nll()).isNotEqualTo(c.raw().get(0).nll());
        assertThat(c.corrected().get(0).nll()).isNotEqualTo(c.raw().get(0).nll());
        assertThat(c.spreadDecomposition().deployments()).isEqualTo(2);

        // a shared floor is read uncompensated, once, and given to every configuration
        StudyResult shared = Study.builder().setModel(model).setTest(test).setCalibration(calibration)
                .addConfiguration(base).addConfiguration(base.withCompensation(new NoCompensation())).optTimes(DAY)
                .optFloor(2).optSharedFloor(true).optSoftware(false).build().run(Progress.NONE);
        DeployOptions uncompensated = floor.withCompensation(new NoCompensation());
        for (StudyCell s : shared.cells()) {
            assertThat(s.floorRaw().get(1).nll()).isEqualTo(direct(uncompensated, 1, DAY, null).nll());
        }
    }

    @Test
    void softwareAndOodFiguresComeWithTheStudy() {
        Dataset ood = TestData.digits().slice(0, 64);
        StudyResult r = Study.builder().setModel(model).setTest(test).optOod(ood).setCalibration(calibration)
                .addConfiguration(base.withDeployments(1)).build().run(Progress.NONE);
        assertThat(r.software().accuracy()).isBetween(0.0, 1.0);
        assertThat(r.only().raw().get(0).oodEntropy().auroc()).isEqualTo(direct(base, 0, 20.0, ood).oodEntropy().auroc());
        assertThat(r.images()).isEqualTo(96 + 64);
        assertThat(r.deployReport().deployments()).hasSize(1);
    }

    @Test
    void builderNamesWhatIsMissingOrWrong() {
        assertThatThrownBy(() -> Study.builder().setTest(test).setCalibration(calibration).addConfiguration(base).build())
                .hasMessageContaining("model");
        assertThatThrownBy(() -> Study.builder().setModel(model).setTest(test).setCalibration(calibration).build())
                .hasMessageContaining("configuration");
        assertThatThrownBy(() -> Study.builder().setModel(model).setTest(test).setCalibration(calibration)
                .addConfiguration(base).optTimes(20.0, 20.0).build()).hasMessageContaining("times");
        assertThatThrownBy(() -> Study.builder().setModel(model).setTest(test).setCalibration(calibration)
                .addConfiguration(base).optTimes(-1).build()).hasMessageContaining("times");
    }
}
