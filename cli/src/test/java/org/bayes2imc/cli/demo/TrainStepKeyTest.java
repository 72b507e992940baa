package org.bayes2imc.cli.demo;

import org.bayes2imc.train.TrainConfig;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The demo's model cache key must not move when the training configuration's serialisation is refactored. */
class TrainStepKeyTest {

    @Test
    void defaultDemoConfigurationKeepsItsCachedModelKey() {
        // the key of ~/.cache/bayes2imc/models/fmnist-small-266c58af57a0.safetensors, trained before typed records
        assertEquals("fmnist-small-266c58af57a0", TrainStep.key(TrainConfig.defaults()));
    }

    @Test
    void anotherSettingGivesAnotherKey() {
        assertNotEquals(TrainStep.key(TrainConfig.defaults()), TrainStep.key(TrainConfig.defaults().withEpochs(3)));
    }
}
