package org.bayes2imc.report;

import org.bayes2imc.hardware.PpaReport;
import org.bayes2imc.imc.DeploymentSummary;
import org.bayes2imc.io.Json;
import org.bayes2imc.sparsity.SparsityReport;
import org.bayes2imc.study.DriftRow;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A results.json section read into its record as leniently as the report reads single fields. */
class ResultRecordsTest {

    private static DriftRow row(String json) throws Exception {
        return ResultRecords.read(Json.MAPPER.readTree(json), DriftRow.class);
    }

    @Test
    void missingUnknownAndWronglyTypedFieldsReadAsAbsent() throws Exception {
        DriftRow r = row("{\"time_seconds\": 20, \"compensation\": {\"x\": 1}, \"accuracy_mean\": [1], \"ece_mean\": true,"
                + " \"nll_mean\": \"Infinity\", \"brier_mean\": \"NaN\", \"deployments\": \"two\", \"extra\": 5}");
        assertThat(r.timeSeconds()).isEqualTo(20.0);
        assertThat(r.compensation()).isNull();
        assertThat(r.accuracyMean()).isNaN();
        assertThat(r.eceMean()).isNaN();
        assertThat(r.nllMean()).isInfinite();
        assertThat(r.brierMean()).isNaN();
        assertThat(r.eceStd()).isNaN();
        assertThat(r.accuracyFloor()).isNull();
        assertThat(r.deployments()).isZero();
    }

    @Test
    void aNestedRecordOrListOfTheWrongShapeReadsAsAbsent() throws Exception {
        DeploymentSummary d = ResultRecords.read(Json.MAPPER.readTree("{\"accuracy\": 0.9, \"ece\": \"low\","
                + " \"nll\": [1], \"brier\": true, \"per_deployment\": {\"a\": 1}, \"reliability\": \"x\","
                + " \"ood_auroc_mi\": {\"mean\": 0.7}}"), DeploymentSummary.class);
        assertThat(d.accuracy()).isNull();
        assertThat(d.ece()).isNull();
        assertThat(d.nll()).isNull();
        assertThat(d.brier()).isNull();
        assertThat(d.perDeployment()).isNull();
        assertThat(d.reliability()).isNull();
        assertThat(d.oodAurocMi().mean()).isEqualTo(0.7);
        assertThat(d.oodAurocMi().std()).isNaN();
    }

    @Test
    void aStringWhereANumberBelongsIsRefusedNamingTheField() {
        assertThatThrownBy(() -> row("{\"accuracy_std\": \"high\"}"))
                .isInstanceOf(Results.FieldTypeException.class).hasMessageContaining("accuracy_std");
    }

    @Test
    void countsFlagsNumberListsAndMapsOfTheSparsityAndPpaRecordsReadLeniently() throws Exception {
        SparsityReport s = ResultRecords.read(Json.MAPPER.readTree("{\"synapses\": 870176, \"probabilistic\": \"many\","
                + " \"epsilon\": \"NaN\", \"granularity\": [1], \"layers\": [{\"layer\": 2, \"ensembled\": \"yes\","
                + " \"synapses\": 5000000000, \"fraction\": 0.25, \"p_histogram\": {\"edges\": [0, \"x\", \"Infinity\", 1],"
                + " \"counts\": [3, {\"a\": 1}]}}, {\"ensembled\": true, \"p_histogram\": 7}],"
                + " \"sampled_parameters\": {\"none\": 10, \"ls\": true}}"), SparsityReport.class);
        assertThat(s.synapses()).isEqualTo(870176L);
        assertThat(s.probabilistic()).isZero();
        assertThat(s.epsilon()).isNaN();
        assertThat(s.granularity()).isNull();
        SparsityReport.Layer first = s.layers().get(0);
        assertThat(first.layer()).isEqualTo(2);
        assertThat(first.ensembled()).isFalse();
        assertThat(first.synapses()).isEqualTo(5_000_000_000L);
        assertThat(first.fraction()).isEqualTo(0.25);
        assertThat(first.pHistogram().edges()).containsExactly(0.0, Double.NaN, Double.POSITIVE_INFINITY, 1.0);
        assertThat(first.pHistogram().counts()).containsExactly(3L, 0L);
        assertThat(s.layers().get(1).ensembled()).isTrue();
        assertThat(s.layers().get(1).pHistogram()).isNull();
        assertThat(s.sampledParameters().none()).isEqualTo(10L);
        assertThat(s.sampledParameters().ls()).isZero();

        PpaReport p = ResultRecords.read(Json.MAPPER.readTree("{\"arrays\": 12, \"energy_uj_by_component\": {\"adc\": 1.5,"
                + " \"sense\": \"Infinity\", \"lfsr\": [2]}, \"area_mm2_by_component\": [1, 2]}"), PpaReport.class);
        assertThat(p.arrays()).isEqualTo(12L);
        assertThat(p.energyUjByComponent()).containsEntry("adc", 1.5).containsEntry("sense", Double.POSITIVE_INFINITY);
        assertThat(p.energyUjByComponent().get("lfsr")).isNaN();
        assertThat(p.areaMm2ByComponent()).isNull();
    }
}
