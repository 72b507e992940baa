package org.bayes2imc.report;

import org.bayes2imc.imc.DeploymentSummary;
import org.bayes2imc.io.Json;
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
}
