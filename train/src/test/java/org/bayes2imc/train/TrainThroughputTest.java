package org.bayes2imc.train;

import org.bayes2imc.data.Dataset;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The training-throughput bench's bookkeeping on a tiny network (not its speed: no timed tests). */
class TrainThroughputTest {
    @Test
    void timesBothPathsOverWholeBatchesAndProfilesEveryStep() {
        Dataset images = FashionMnistSubset.train().slice(0, 120);
        TrainConfig cfg = new TrainConfig("fmnist-tiny", "fashion-mnist", 1, 50, 3, 0.1, 0, 10, BayesBiNNConfig.defaults());
        StringBuilder log = new StringBuilder();
        TrainThroughputResult r = TrainThroughput.run(cfg, images, 2, 1, s -> log.append(s).append('\n'));
        assertThat(r.stepsPerPass()).isEqualTo(2); // 120 images = 2 whole batches of 50
        assertThat(r.ours().seconds()).hasSize(2);
        assertThat(r.plainAdam().seconds()).hasSize(2);
        assertThat(r.ours().imagesPerSecond()).isEqualTo(100 / r.ours().medianSeconds());
        assertThat(r.plainOverOursWall()).isEqualTo(r.plainAdam().imagesPerSecond() / r.ours().imagesPerSecond(),
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(r.oursMillisPerStep().keySet()).containsExactly("batch", "noise", "upload", "sample", "forward",
                "backward", "metrics", "update", "release");
        assertThat(r.oursMillisPerStep().get("forward")).isPositive();
        assertThat(r.torchIntraOpThreads()).isEqualTo(1); // surefire's setting
        assertThat(log.toString()).contains("repeat 2:");
    }
}
