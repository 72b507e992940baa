package org.bayes2imc.config;

import org.bayes2imc.device.Durations;
import org.bayes2imc.device.SynapseEncoding;
import org.bayes2imc.imc.DeployOptions;
import org.bayes2imc.imc.GlobalReferenceRescaling;
import org.bayes2imc.imc.CoreSamplingSemantics;
import org.bayes2imc.io.InputException;
import org.bayes2imc.io.InvalidSetting;
import org.bayes2imc.sparsity.SparsityMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The experiment file of docs/CONFIG.md: the documented example loads, and bad files fail with one line naming the key. */
class ConfigFileTest {
    @TempDir
    Path dir;

    @Test
    void theDocumentedExampleLoads() {
        Path example = Path.of("..", "docs", "examples", "deploy.yaml");
        DeployOptions o = ConfigFile.load(example).deployOptions();
        assertEquals(10, o.samples());
        assertEquals(5, o.deployments());
        assertEquals(Durations.parseSeconds("1d"), o.seconds());
        assertEquals(20.0, o.mappingSeconds());
        assertEquals(7L, o.seed());
        assertEquals(SparsityMode.LS_RS, o.sparsity());
        assertEquals(CoreSamplingSemantics.PER_CHUNK, o.semantics());
        assertEquals(SynapseEncoding.SINGLE_DEVICE, o.mapping().encoding());
        assertEquals(64, ((GlobalReferenceRescaling) o.compensation()).count());
        assertEquals("ibm-pcm", o.device().name());
        CorrectionConfig c = ConfigFile.load(example).correction();
        assertEquals("none", c.methodOr("affine"));
        assertEquals(1000, c.calibrationImagesOr(300));
    }

    @Test
    void aLeftOutCorrectionIsTheCommandsDefaultAndABadOneIsNamed() throws IOException {
        CorrectionConfig absent = ConfigFile.load(write("none.yaml", "sampling:\n  samples: 3\n")).correction();
        assertEquals("affine", absent.methodOr("affine"));
        assertEquals(256, absent.calibrationImagesOr(256));
        Path f = write("method.yaml", "correction:\n  method: linear\n");
        InputException e = assertThrows(InputException.class, () -> ConfigFile.load(f));
        assertTrue(e.getMessage().startsWith(f + ": correction.method must be one of none, affine, read-back, got 'linear'"),
                e.getMessage());
        Path g = write("images.json", "{\"correction\": {\"calibration_images\": 0}}");
        InputException h = assertThrows(InputException.class, () -> ConfigFile.load(g));
        assertTrue(h.getMessage().startsWith(g + ": correction.calibration_images must be >= 1"), h.getMessage());
    }

    @Test
    void leftOutKeysKeepTheDefaultsAndJsonWorksToo() throws IOException {
        Path f = write("partial.json", "{\"sampling\": {\"samples\": 3}}");
        ExperimentConfig c = ConfigFile.load(f);
        assertEquals(3, c.sampling().samples());
        assertEquals(ExperimentConfig.defaults().study(), c.study());
        assertEquals(ExperimentConfig.defaults().engine(), c.engine());
        assertEquals(ExperimentConfig.defaults().sampling().toBuilder().optSamples(3).build(), c.sampling());
    }

    @Test
    void theDefaultsAreThoseOfTheDeploymentEngine() {
        DeployOptions fromFile = ExperimentConfig.defaults().deployOptions();
        DeployOptions engine = DeployOptions.defaults(fromFile.device());
        assertEquals(engine.crossbar(), fromFile.crossbar());
        assertEquals(engine.mapping(), fromFile.mapping());
        assertEquals(engine.sampling(), fromFile.sampling());
        assertEquals(engine.engine(), fromFile.engine());
        assertEquals(engine.study(), fromFile.study());
        assertEquals(engine.compensation().id(), fromFile.compensation().id());
    }

    @Test
    void anUnknownKeyIsNamedWithItsGroupAndTheFile() throws IOException {
        Path f = write("typo.yaml", "sampling:\n  sample: 3\n");
        InputException e = assertThrows(InputException.class, () -> ConfigFile.load(f));
        assertTrue(e.getMessage().startsWith(f + ": unknown key 'sampling.sample'"), e.getMessage());
        assertTrue(e.getMessage().contains("samples"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void anUnknownGroupIsNamed() throws IOException {
        Path f = write("group.yaml", "sampler:\n  samples: 3\n");
        InputException e = assertThrows(InputException.class, () -> ConfigFile.load(f));
        assertTrue(e.getMessage().startsWith(f + ": unknown key 'sampler'"), e.getMessage());
    }

    @Test
    void anOutOfRangeValueNamesItsField() throws IOException {
        Path f = write("range.yaml", "sampling:\n  samples: 0\n");
        InputException e = assertThrows(InputException.class, () -> ConfigFile.load(f));
        assertEquals(f + ": sampling.samples must be >= 1, got 0", e.getMessage());
    }

    @Test
    void aBadChoiceNamesItsField() throws IOException {
        Path f = write("choice.yaml", "engine:\n  kernel: fast\n");
        InputException e = assertThrows(InputException.class, () -> ConfigFile.load(f));
        assertEquals(f + ": engine.kernel must be auto, int8 or float, got 'fast'", e.getMessage());
        Path t = write("time.yaml", "study:\n  time: soon\n");
        InputException te = assertThrows(InputException.class, () -> ConfigFile.load(t));
        assertTrue(te.getMessage().startsWith(t + ": study.time 'soon': "), te.getMessage());
    }

    @Test
    void coreValidationNamesFieldsNotFlags() {
        InvalidSetting e = assertThrows(InvalidSetting.class, () -> org.bayes2imc.imc.SamplingConfig.builder().optSamples(0).build());
        assertEquals("samples", e.field());
        assertEquals("samples must be >= 1, got 0", e.getMessage());
    }

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }
}
