package org.bayes2imc.study;

import com.fasterxml.jackson.databind.JsonNode;
import org.bayes2imc.correct.LogitCorrections;
import org.bayes2imc.data.Dataset;
import org.bayes2imc.data.TestData;
import org.bayes2imc.device.DeviceModels;
import org.bayes2imc.imc.DeployOptions;
import org.bayes2imc.imc.DeployedCore;
import org.bayes2imc.imc.Deployment;
import org.bayes2imc.imc.DriftCompensation;
import org.bayes2imc.imc.HandmadeModels;
import org.bayes2imc.imc.NoCompensation;
import org.bayes2imc.infer.SoftwareEnsemble;
import org.bayes2imc.io.Json;
import org.bayes2imc.io.Progress;
import org.bayes2imc.model.Architectures;
import org.bayes2imc.model.BbnnModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Work shared between runners, studies and steps (targets, activation ranges, software logits, the floor's realised
 * cores) gives exactly the rows each computes on its own.
 */
class SharedWorkTest {
    private static final double DAY = 86400.0;
    private static BbnnModel model;
    private static Dataset test;
    private static Dataset calibration;
    private static DeployOptions base;

    @BeforeAll
    static void setUp() {
        model = HandmadeModels.rowStructured(Architectures.parse(Architectures.FMNIST_TINY), 0.2, 4,
                TestData.fashionTrain(200));
        test = TestData.fashionTest(200);
        calibration = TestData.fashionTrain(64);
        base = DeployOptions.defaults(DeviceModels.create("ibm-pcm")).withSamples(2).withDeployments(2).withThreads(2)
                .withChunkImages(32);
    }

    @Test
    void floorDeploymentsReadAlikeAndTheirSharedCoreGivesTheSameLogitsAsItsOwn() {
        DeploymentRunner floor = new DeploymentRunner(model, Study.floorOptions(base));
        floor.calibrateActivations(calibration);
        Deployment d0 = floor.program(0);
        Deployment d1 = floor.program(1);
        assertThat(floor.sharesRealisations()).isTrue();
        assertThat(d1.readsAs(d0, 20.0, DAY)).isTrue();
        for (double t : new double[] {20.0, DAY}) {
            DeployedCore own = floor.core(d1, 1, t);
            DeployedCore shared = floor.core(floor.core(d0, 0, t), 1, t);
            assertThat(floor.logits(shared, test, Progress.NONE).members())
                    .isDeepEqualTo(floor.logits(own, test, Progress.NONE).members());
            assertThat(shared.layerPlans()).isEqualTo(own.layerPlans());
            assertThat(shared.kernel()).isEqualTo(own.kernel());
        }
        // programmed with noise, deployments never read alike
        DeploymentRunner noisy = new DeploymentRunner(model, base);
        assertThat(noisy.program(1).readsAs(noisy.program(0), 20.0)).isFalse();
    }

    @Test
    void studiesSharingTheirWorkGiveTheRowsEachGivesAlone() {
        Dataset ood = TestData.digits().slice(0, 64);
        Dataset firstImages = test.slice(0, 100);
        List<DriftCompensation> compensations = List.of(new NoCompensation(), DriftCompensation.DEFAULT);
        SharedWork shared = new SharedWork(model);
        List<JsonNode> together = run(shared, ood, firstImages, compensations);
        List<JsonNode> alone = run(null, ood, firstImages, compensations);
        assertThat(together).isEqualTo(alone);
        // one software pass per (images, seed): test and OOD of the first study, the calibration set under the
        // study's and the floor's seed; the first images and every later calibration pass are taken from those
        assertThat(shared.softwarePasses()).isEqualTo(4);
    }

    /** A hardware-like, a systematic-like and a drift-like study; each cell's figures without the timings. */
    private static List<JsonNode> run(SharedWork shared, Dataset ood, Dataset firstImages,
                                      List<DriftCompensation> compensations) {
        List<StudyCell> cells = new ArrayList<>();
        List<Object> software = new ArrayList<>();
        var correction = LogitCorrections.byName("affine");
        StudyResult hardware = Study.builder().setModel(model).setTest(test).optOod(ood).setCalibration(calibration)
                .addConfiguration(base).optCorrection(correction).optFloor(2).optShared(shared).build()
                .run(Progress.NONE);
        StudyResult systematic = Study.builder().setModel(model).setTest(firstImages).setCalibration(calibration)
                .addConfiguration(base.withCompensation(new NoCompensation()).withSeconds(DAY))
                .optCorrection(correction).optFloor(2).optShared(shared).build().run(Progress.NONE);
        software.add(hardware.software());
        software.add(systematic.software());
        cells.addAll(hardware.cells());
        cells.addAll(systematic.cells());
        List<DriftSweep.Cell> drift = DriftSweep.run(model, base, compensations, new double[] {20.0, DAY}, firstImages,
                ood, calibration, correction, true, shared, Progress.NONE);
        List<JsonNode> out = new ArrayList<>();
        out.add(Json.tree(software));
        for (StudyCell c : cells) {
            out.add(Json.tree(List.of(c.raw(), c.corrected(), c.floorRaw(), c.floorCorrected(),
                    c.deployments().stream().map(DeploymentRow::map).toList())));
        }
        out.add(Json.tree(DriftSweep.rows(drift)));
        return out;
    }

    @Test
    void softwareLogitsOfChunkAlignedFirstImagesAreTakenFromTheWholeSet() {
        SharedWork shared = new SharedWork(model);
        SoftwareEnsemble.Settings s = SoftwareEnsemble.Settings.of(3, 5);
        shared.softwareLogits(test, s, Progress.NONE);
        Dataset aligned = test.slice(0, 100);
        Dataset unaligned = test.slice(0, 150);
        assertThat(shared.softwareLogits(aligned, s, Progress.NONE).members())
                .isDeepEqualTo(SoftwareEnsemble.memberLogits(model, aligned, s, Progress.NONE));
        assertThat(shared.softwarePasses()).isEqualTo(1);
        assertThat(shared.softwareLogits(unaligned, s, Progress.NONE).members())
                .isDeepEqualTo(SoftwareEnsemble.memberLogits(model, unaligned, s, Progress.NONE));
        assertThat(shared.softwarePasses()).isEqualTo(2);
        // other settings or other images are never taken from held logits
        shared.softwareLogits(aligned, SoftwareEnsemble.Settings.of(3, 6), Progress.NONE);
        shared.softwareLogits(TestData.fashionTrain(100), s, Progress.NONE);
        assertThat(shared.softwarePasses()).isEqualTo(4);
    }
}
