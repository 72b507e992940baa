package org.bayes2imc.cli.demo;

import org.bayes2imc.train.TrainConfig;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The demo's model cache key: stable when the training configuration's serialisation is refactored, different for
 * other settings, and different from the keys of training code whose bits differ (version 1 keys).
 */
class TrainStepKeyTest {

    @Test
    void defaultDemoConfigurationKeepsItsCachedModelKey() {
        // the key of the default model trained by training code version 2 (the stop-13/14 fresh-clone bits)
        assertEquals("fmnist-small-a6932a7692a5", TrainStep.key(TrainConfig.defaults()));
    }

    @Test
    void versionOneKeysAreNotReused() {
        // fmnist-small-266c58af57a0 hashed the configuration alone; its cached model predates today's training bits
        assertNotEquals("fmnist-small-266c58af57a0", TrainStep.key(TrainConfig.defaults()));
        assertEquals(2, TrainStep.TRAINING_CODE_VERSION);
    }

    @Test
    void anotherSettingGivesAnotherKey() {
        assertNotEquals(TrainStep.key(TrainConfig.defaults()), TrainStep.key(TrainConfig.defaults().withEpochs(3)));
    }
}
