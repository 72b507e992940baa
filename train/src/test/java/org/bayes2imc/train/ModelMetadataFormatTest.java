package org.bayes2imc.train;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bayes2imc.data.Normalisation;
import org.bayes2imc.io.Json;
import org.bayes2imc.model.Architectures;
import org.bayes2imc.model.BbnnModel;
import org.bayes2imc.model.TemperatureCalibration;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The model metadata the trainer writes is typed records now; its text must stay what the hand-built JSON trees
 * wrote (the expected text is the metadata of the demo model trained before the change), so old and new model
 * files read alike.
 */
class ModelMetadataFormatTest {

    @Test
    void trainedModelMetadataKeepsItsKeysOrderAndNumberFormat() throws Exception {
        EpochRow row = new EpochRow(2, 0.6275626198803937, 0.8855185185185185, 92.85523793225603, 581.550391798,
                0.9196666666666666, 0.13782614091861875);
        ModelMetadata meta = new ModelMetadata("fashion-mnist", new Normalisation(new float[] {0.2861599f}, new float[] {0.35297763f}),
                new TrainingRecord(TrainConfig.defaults(), 54000, 6000, 1.08E8, TrainingRecord.TRAINER), 1, 2,
                1075.065764646, List.of(row));
        BbnnModel model = BbnnModel.zeros(Architectures.named(Architectures.FMNIST_SMALL, 1, 28, 28, 10));
        model.metadata().setAll((ObjectNode) Json.tree(meta));
        Trainer.recordValidation(model, new TemperatureCalibration(0.48245052065802974, TemperatureCalibration.METHOD,
                0.5026424717296715,
                0.25583291689357135, 10), new ValidationRecord(6000, 0.9196666666666666, 0.9185, 10));

        assertThat(Json.MAPPER.writeValueAsString(model.metadata())).isEqualTo(String.join("\n",
                "{",
                "  \"dataset\" : \"fashion-mnist\",",
                "  \"normalisation\" : {",
                "    \"mean\" : [ 0.2861599 ],",
                "    \"std\" : [ 0.35297763 ]",
                "  },",
                "  \"training\" : {",
                "    \"architecture\" : \"fmnist-small\",",
                "    \"dataset\" : \"fashion-mnist\",",
                "    \"epochs\" : 2,",
                "    \"batch_size\" : 50,",
                "    \"seed\" : 1,",
                "    \"validation_fraction\" : 0.1,",
                "    \"limit\" : 0,",
                "    \"calibration_samples\" : 10,",
                "    \"optimizer\" : {",
                "      \"temperature\" : 1.0E-10,",
                "      \"scale_strategy\" : \"EXPECTATION_ONE\",",
                "      \"scale_clamp\" : 1000.0,",
                "      \"dataset_scale\" : 2000.0,",
                "      \"lambda_init\" : \"ZERO\",",
                "      \"lambda_init_magnitude\" : 10.0,",
                "      \"prior_lambda\" : 0.0,",
                "      \"kl_weight\" : 1.0,",
                "      \"momentum\" : 0.0,",
                "      \"learning_rate\" : 0.01,",
                "      \"lr_schedule\" : \"cosine per step to 0\",",
                "      \"mc_samples\" : 1,",
                "      \"mu_lag\" : \"CURRENT\"",
                "    },",
                "    \"train_images\" : 54000,",
                "    \"validation_images\" : 6000,",
                "    \"dataset_size_n\" : 1.08E8,",
                "    \"trainer\" : \"bayes2imc BayesBiNN on DJL/PyTorch CPU\"",
                "  },",
                "  \"seed\" : 1,",
                "  \"epochs\" : 2,",
                "  \"training_seconds\" : 1075.065764646,",
                "  \"history\" : [ {",
                "    \"epoch\" : 2,",
                "    \"train_loss\" : 0.6275626198803937,",
                "    \"train_accuracy\" : 0.8855185185185185,",
                "    \"images_per_second\" : 92.85523793225603,",
                "    \"seconds\" : 581.550391798,",
                "    \"validation_mode_accuracy\" : 0.9196666666666666,",
                "    \"probabilistic_fraction\" : 0.13782614091861875",
                "  } ],",
                "  \"calibration\" : {",
                "    \"temperature\" : 0.48245052065802974,",
                "    \"method\" : \"temperature scaling on the validation split (Guo et al. 2017)\",",
                "    \"validation_nll_raw\" : 0.5026424717296715,",
                "    \"validation_nll_calibrated\" : 0.25583291689357135,",
                "    \"ensemble_samples\" : 10",
                "  },",
                "  \"validation\" : {",
                "    \"images\" : 6000,",
                "    \"mode_accuracy\" : 0.9196666666666666,",
                "    \"ensemble_accuracy\" : 0.9185,",
                "    \"ensemble_samples\" : 10",
                "  },",
                "  \"validation_accuracy\" : 0.9185",
                "}"));
    }

    @Test
    void posteriorSummaryKeepsItsKeys() throws Exception {
        PosteriorSummary p = new PosteriorSummary(List.of(new PosteriorSummary.Layer("conv0", 288, 0.5, 0.25)), 288, 0.5,
                0.25, new long[] {1, 2});
        assertThat(Json.MAPPER.writer().withoutFeatures(SerializationFeature.INDENT_OUTPUT).writeValueAsString(p)).isEqualTo(
                "{\"probabilistic_fraction\":0.5,\"probabilistic_fraction_eps_0_001\":0.25,\"synapses\":288,\"layers\":"
                        + "[{\"layer\":\"conv0\",\"synapses\":288,\"probabilistic_fraction\":0.5,"
                        + "\"probabilistic_fraction_eps_0_001\":0.25}],\"p_histogram\":[1,2]}");
    }

    @Test
    void trainConfigReadsBackFromTrainingMetadataAndFillsMissingKeys() {
        ObjectNode training = (ObjectNode) Json.tree(new TrainingRecord(TrainConfig.defaults().withEpochs(3), 9, 1, 2.0, "t"));
        assertThat(TrainConfig.fromJson(training)).isEqualTo(TrainConfig.defaults().withEpochs(3));
        assertThat(TrainConfig.fromJson(Json.object().put("seed", 7)).seed()).isEqualTo(7);
        assertThat(TrainConfig.fromJson(Json.object())).isEqualTo(TrainConfig.defaults());
    }
}
