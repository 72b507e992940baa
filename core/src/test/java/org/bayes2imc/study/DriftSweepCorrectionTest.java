package org.bayes2imc.study;

import org.bayes2imc.correct.LogitCorrections;

import org.bayes2imc.imc.DriftCompensation;
import org.bayes2imc.data.Dataset;
import org.bayes2imc.data.TestData;
import org.bayes2imc.device.DeviceModels;
import org.bayes2imc.imc.DeployOptions;
import org.bayes2imc.imc.HandmadeModels;
import org.bayes2imc.io.Progress;
import org.bayes2imc.metrics.EvaluationResult;
import org.bayes2imc.model.Architectures;
import org.bayes2imc.model.BbnnModel;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The drift sweep's logit-corrected twin cells: one per (time, compensation), on the same deployments, equal to what
 * a one-time study's correction gives for those deployments at that time.
 */
class DriftSweepCorrectionTest {
    @Test
    void correctedCellsAreTheDeploymentStudysCorrectionAtThatTime() {
        BbnnModel m = HandmadeModels.rowStructured(Architectures.parse(Architectures.FMNIST_TINY), 0.2, 4, TestData.fashionTrain(200));
        Dataset test = TestData.fashionTest(200);
        Dataset calibration = TestData.fashionTrain(150);
        DriftCompensation none = DriftCompensation.parse("none", 0);
        DeployOptions o = DeployOptions.defaults(DeviceModels.create("ibm-pcm")).withSamples(3).withDeployments(3)
                .withThreads(2).withCompensation(none);
        double day = 86400.0;
        List<DriftSweep.Cell> cells = DriftSweep.run(m, o, List.of(none), new double[] {20.0, day}, test, null,
                calibration, LogitCorrections.byName("affine"), false, Progress.NONE);
        assertThat(cells).extracting(DriftSweep.Cell::compensation)
                .containsExactly("none", "none", "none+affine", "none+affine");
        assertThat(cells).extracting(DriftSweep.Cell::seconds).containsExactly(20.0, day, 20.0, day);

        StudyCell study = Study.builder().setModel(m).setTest(test).setCalibration(calibration).addConfiguration(o)
                .optTimes(day).optCorrection(LogitCorrections.byName("affine")).optSoftware(false).build()
                .run(Progress.NONE).only();
        for (int k = 0; k < 3; k++) {
            EvaluationResult raw = cells.get(1).perDeployment().get(k);
            EvaluationResult corrected = cells.get(3).perDeployment().get(k);
            assertThat(raw.nll()).as("raw " + k).isEqualTo(study.raw().get(k).nll());
            assertThat(corrected.nll()).as("corrected " + k).isEqualTo(study.corrected().get(k).nll());
            assertThat(corrected.nll()).as("the map changes the logits").isNotEqualTo(raw.nll());
        }
    }
}
