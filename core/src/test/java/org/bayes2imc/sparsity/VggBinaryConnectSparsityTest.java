package org.bayes2imc.sparsity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bayes2imc.model.Architectures;
import org.bayes2imc.model.BbnnModel;
import org.bayes2imc.model.LayerKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * VGGBinaryConnect-10 with a known λ pattern: conv layers clamp to +1 (λ = 3, p = 0.9975), FC layers to −1
 * (λ = −3), with hand-placed probabilistic synapses; every count is checked exactly against hand arithmetic.
 */
class VggBinaryConnectSparsityTest {
    private static final int FC6_IN = 8192;
    private static final int FC6_OUT = 1024;
    private static BbnnModel model;
    private static SparsityAnalysis analysis;

    @BeforeAll
    static void buildModel() {
        model = BbnnModel.zeros(Architectures.parse("vgg-binaryconnect:10"));
        for (int l = 0; l < 9; l++) {
            Arrays.fill(model.lambda(l), model.architecture().layer(l).kind() == LayerKind.CONV ? 3f : -3f);
        }
        // conv0 (3→128, k=3, fanIn 27): synapse [o=5, in=2, ky=1, kx=2] → im2col row 2·9 + 1·3 + 2 = 23.
        model.lambda(0)[5 * 27 + 23] = 0f;
        // fc6 (8192→1024): λ = 0 (p = ½) at row 5 (all columns), row 200 (col 0), row 8191 (cols 127, 128),
        // row 3000 (cols 1000, 1001, 1023).
        float[] fc6 = model.lambda(6);
        for (int o = 0; o < FC6_OUT; o++) {
            fc6[o * FC6_IN + 5] = 0f;
        }
        fc6[200] = 0f;
        fc6[127 * FC6_IN + 8191] = 0f;
        fc6[128 * FC6_IN + 8191] = 0f;
        for (int o : new int[] {1000, 1001, 1023}) {
            fc6[o * FC6_IN + 3000] = 0f;
        }
        // fc7 (1024→1024): λ = 0.5 (p = 0.731) at row 10, columns 0..99.
        for (int o = 0; o < 100; o++) {
            model.lambda(7)[o * 1024 + 10] = 0.5f;
        }
        // fc8 (1024→10): λ = −1 (p = 0.119) at rows 0..19 of column 3.
        for (int r = 0; r < 20; r++) {
            model.lambda(8)[3 * 1024 + r] = -1f;
        }
        analysis = SparsityAnalysis.of(model, SparsitySettings.DEFAULTS);
    }

    @Test
    void perLayerCountsAreExact() {
        SparsityAnalysis a = analysis;
        List<LayerSparsity> ls = a.layers();
        assertThat(ls).hasSize(9);
        long[] probabilistic = {1, 0, 0, 0, 0, 0, 1030, 100, 20};
        int[] rowsWith = {1, 0, 0, 0, 0, 0, 4, 1, 20};
        long[] segmentsWith = {1, 0, 0, 0, 0, 0, 12, 1, 20};
        int[] fanIn = {27, 1152, 1152, 2304, 2304, 4608, 8192, 1024, 1024};
        int[] columnBlocks = {1, 1, 2, 2, 4, 4, 8, 8, 1};
        long[] inRows = {128, 0, 0, 0, 0, 0, 4 * 1024, 1024, 200};
        long[] inSegments = {128, 0, 0, 0, 0, 0, 12 * 128, 128, 200};
        for (int i = 0; i < 9; i++) {
            LayerSparsity l = ls.get(i);
            assertThat(l.layer()).isEqualTo(i);
            assertThat(l.synapses()).isEqualTo(model.architecture().layer(i).weightCount());
            assertThat(l.probabilistic()).as("probabilistic in layer %d", i).isEqualTo(probabilistic[i]);
            assertThat(l.rows()).isEqualTo(fanIn[i]);
            assertThat(l.rowsWithProbabilistic()).as("rows in layer %d", i).isEqualTo(rowsWith[i]);
            assertThat(l.columnBlocks()).isEqualTo(columnBlocks[i]);
            assertThat(l.rowSegments()).isEqualTo((long) fanIn[i] * columnBlocks[i]);
            assertThat(l.rowSegmentsWithProbabilistic()).as("segments in layer %d", i).isEqualTo(segmentsWith[i]);
            assertThat(l.synapsesInStochasticRows()).isEqualTo(inRows[i]);
            assertThat(l.synapsesInStochasticSegments()).isEqualTo(inSegments[i]);
            assertThat(l.fraction()).isEqualTo((double) probabilistic[i] / l.synapses());
        }
        assertThat(ls.get(6).rowFraction()).isEqualTo(4.0 / 8192);
        assertThat(ls.get(6).rowSegmentFraction()).isEqualTo(12.0 / 65536);
        assertThat(a.probabilistic()).isEqualTo(1151);
        assertThat(a.synapses()).isEqualTo(14_022_016L);
    }

    @Test
    void histogramPlacesEveryProbabilityInItsBin() {
        SparsityAnalysis a = analysis;
        long[] h = a.pHistogram();
        long[] expected = new long[20];
        expected[19] = 4_574_592L - 1;           // conv synapses at p = sigmoid(6), less the one at p = ½
        expected[0] = 9_447_424L - 1150;         // FC synapses at p = sigmoid(−6)
        expected[10] = 1031;                     // p = ½
        expected[14] = 100;                      // p = sigmoid(1) = 0.731
        expected[2] = 20;                        // p = sigmoid(−2) = 0.119
        assertThat(h).containsExactly(expected);
        assertThat(a.layers().get(7).pHistogram()[14]).isEqualTo(100);
    }

    @Test
    void sampledParametersAndAutomaticFirstEnsemblingLayer() {
        SparsityAnalysis a = analysis;
        assertThat(a.firstEnsemblingLayer()).isEqualTo(6);
        SampledParameters sp = a.sampledParameters();
        long fc = 8192L * 1024 + 1024L * 1024 + 1024L * 10;
        assertThat(sp.none()).isEqualTo(14_022_016L);
        assertThat(sp.ls()).isEqualTo(fc).isEqualTo(9_447_424L);
        assertThat(sp.lsRs()).isEqualTo(4096 + 1024 + 200);
        assertThat(sp.lsReduction()).isEqualTo(1.0 - 9_447_424.0 / 14_022_016.0);
        assertThat(sp.lsRsReduction()).isEqualTo(1.0 - 5320.0 / 14_022_016.0);
        assertThat(sp.rsReductionOverLs()).isEqualTo(1.0 - 5320.0 / 9_447_424.0);

        SparsityAnalysis seg = analysis.withEnsembling(SparsitySettings.DEFAULTS.withGranularity(RowGranularity.ROW_SEGMENT));
        assertThat(seg.sampledParameters().lsRs()).isEqualTo(12 * 128 + 128 + 200);
        assertThat(seg.stochasticRowFraction()[6]).isEqualTo(12.0 / 65536);
        assertThat(a.stochasticRowFraction()[6]).isEqualTo(4.0 / 8192);
        assertThat(a.stochasticRowFraction()[1]).isZero();

        // Probabilistic synapses from the output backwards: fc8 20, fc7 +100 = 120, fc6 +1030 = 1150 of 1151.
        assertThat(analysis.withEnsembling(SparsitySettings.DEFAULTS.withEnsembleFraction(0.1)).firstEnsemblingLayer()).isEqualTo(7);
        assertThat(analysis.withEnsembling(SparsitySettings.DEFAULTS.withEnsembleFraction(0.01)).firstEnsemblingLayer()).isEqualTo(8);
        assertThat(analysis.withEnsembling(SparsitySettings.DEFAULTS.withEnsembleFraction(1.0)).firstEnsemblingLayer()).isEqualTo(0);
        SparsityAnalysis forced = analysis.withEnsembling(SparsitySettings.DEFAULTS.withFirstEnsemblingLayer(7));
        assertThat(forced.firstEnsemblingLayer()).isEqualTo(7);
        assertThat(forced.sampledParameters().ls()).isEqualTo(1024L * 1024 + 10240);
        assertThatThrownBy(() -> analysis.withEnsembling(SparsitySettings.DEFAULTS.withFirstEnsemblingLayer(9)))
                .hasMessageContaining("first_ensembling_layer must be in [0, 8]");
    }

    @Test
    void ensembleMacsFollowTheDeterministicPlusSampledFormula() {
        EnsembleMacs m = analysis.ensembleMacs();
        long all = 616_966_144L;
        long fc = 9_447_424L;
        assertThat(m.samples()).isEqualTo(10);
        assertThat(m.none()).isEqualTo(10 * all);
        assertThat(m.ls()).isEqualTo(all - fc + 10 * fc);
        assertThat(m.lsRs()).isEqualTo(all - fc + (fc - 5320) + 10 * 5320);
    }

    @Test
    void splitOfTheFirstFcLayerListsTheStochasticRowsAndSegments() {
        SynapseClassifier c = SynapseClassifier.ofEpsilon(0.01);
        var layer = model.architecture().layer(6);
        StochasticPlaneSplit whole = StochasticPlaneSplit.of(layer, model.lambda(6), c, RowGranularity.WHOLE_ROW, 128);
        assertThat(whole.blocks()).hasSize(1);
        assertThat(whole.blocks().get(0).rows()).containsExactly(5, 200, 3000, 8191);
        assertThat(whole.stochasticSynapses()).isEqualTo(4096);
        StochasticPlaneSplit seg = StochasticPlaneSplit.of(layer, model.lambda(6), c, RowGranularity.ROW_SEGMENT, 128);
        assertThat(seg.blocks()).hasSize(8);
        assertThat(seg.blocks().get(0).rows()).containsExactly(5, 200, 8191);
        assertThat(seg.blocks().get(1).rows()).containsExactly(5, 8191);
        assertThat(seg.blocks().get(4).rows()).containsExactly(5);
        assertThat(seg.blocks().get(7).rows()).containsExactly(5, 3000);
        assertThat(seg.blocks().get(7).columnStart()).isEqualTo(896);
        assertThat(seg.stochasticSynapses()).isEqualTo(1536);
        assertThat(seg.stochasticRows()).containsExactly(5, 200, 3000, 8191);
        // Row 200's other 1023 synapses in block 0 are clamped to −1: p exactly 0; its column 0 synapse keeps p = ½.
        StochasticPlaneSplit.Block b0 = seg.blocks().get(0);
        assertThat(b0.probabilities()[1 * 128]).isEqualTo(0.5f);
        assertThat(b0.probabilities()[1 * 128 + 1]).isEqualTo(0f);
        float[] rebuilt = seg.rebuild(seg.modeSample());
        for (int i = 0; i < rebuilt.length; i += 4099) {
            assertThat(rebuilt[i]).isEqualTo(SynapseClassifier.clamp(model.lambda(6)[i]));
        }
    }

    @Test
    void resultsJsonHasTheDocumentedShape() {
        ObjectNode j = (ObjectNode) org.bayes2imc.io.Json.tree(analysis.report());
        assertThat(j.path("epsilon").asDouble()).isEqualTo(0.01);
        assertThat(j.path("first_ensembling_layer").asInt()).isEqualTo(6);
        assertThat(j.path("layers")).hasSize(9);
        var fc6 = j.path("layers").get(6);
        for (String k : List.of("layer", "synapses", "probabilistic", "fraction", "rows", "rows_with_probabilistic",
                "row_segments", "row_segments_with_probabilistic")) {
            assertThat(fc6.has(k)).as(k).isTrue();
        }
        assertThat(fc6.path("rows_with_probabilistic").asInt()).isEqualTo(4);
        assertThat(j.path("sampled_parameters").path("ls_rs").asLong()).isEqualTo(5320);
        assertThat(j.path("reductions").path("ls").asDouble()).isBetween(0.0, 1.0);
        assertThat(j.path("reductions").path("ls_rs").asDouble()).isBetween(0.0, 1.0);
        assertThat(j.path("p_histogram").path("edges")).hasSize(21);
    }
}
