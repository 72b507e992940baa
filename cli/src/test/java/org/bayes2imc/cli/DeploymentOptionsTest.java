package org.bayes2imc.cli;

import org.bayes2imc.config.ExperimentConfig;
import org.bayes2imc.device.ProgramAndVerify;
import org.bayes2imc.device.SynapseEncoding;
import org.bayes2imc.imc.DeployOptions;
import org.bayes2imc.sparsity.SparsityMode;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/** The deployment mixins: their defaults are the records' defaults, and options given override an experiment file. */
class DeploymentOptionsTest {
    private static DeployCommand parse(String... args) {
        DeployCommand cmd = new DeployCommand();
        CommandLine cl = new CommandLine(cmd);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.parseArgs(args);
        return cmd;
    }

    @Test
    void everyOptionDefaultIsTheRecordDefault() {
        DeployCommand cmd = parse("--model", "m.safetensors");
        // every option applied with its picocli default must give exactly the records' documented defaults
        assertThat(cmd.deployment.experiment(ExperimentConfig.defaults(), Given.ALL)).isEqualTo(ExperimentConfig.defaults());
        assertThat(cmd.deployment.experiment()).isEqualTo(ExperimentConfig.defaults());
    }

    @Test
    void optionsGivenOverrideTheFileAndTheRestComesFromIt() {
        DeployCommand cmd = parse("--model", "m.safetensors", "--config", "../docs/examples/deploy.yaml",
                "--samples", "3", "--encoding", "differential", "--p-bits", "4");
        DeployOptions o = cmd.deployment.experiment().deployOptions();
        assertThat(o.samples()).isEqualTo(3);
        assertThat(o.mapping().encoding()).isEqualTo(SynapseEncoding.DIFFERENTIAL_PAIR);
        assertThat(o.sramBits()).as("--p-bits is an alias of --sram-bits").isEqualTo(4);
        // from the file, not the options' defaults (10 deployments, none, seed 1)
        assertThat(o.deployments()).isEqualTo(5);
        assertThat(o.sparsity()).isEqualTo(SparsityMode.LS_RS);
        assertThat(o.seed()).isEqualTo(7L);
        assertThat(o.mappingSeconds()).isEqualTo(20.0);
        assertThat(o.seconds()).isEqualTo(86400.0);
    }

    @Test
    void withoutAFileTheDesignTimeFollowsTheReadTime() {
        DeployOptions o = parse("--model", "m", "--time", "1d").deployment.experiment().deployOptions();
        assertThat(o.mappingSeconds()).isEqualTo(86400.0);
        DeployOptions d = parse("--model", "m", "--time", "1d", "--design-time", "20s").deployment.experiment().deployOptions();
        assertThat(d.mappingSeconds()).isEqualTo(20.0);
    }

    @Test
    void theVerifyToleranceReachesProgramAndVerify() {
        DeployOptions o = parse("--model", "m", "--program-verify", "--verify-tolerance", "0.25").deployment.experiment().deployOptions();
        assertThat(o.device()).isInstanceOf(ProgramAndVerify.class);
        assertThat(((ProgramAndVerify) o.device()).toleranceMicroSiemens()).isEqualTo(0.25);
        assertThat(((ProgramAndVerify) o.device()).maxAttempts()).isEqualTo(10);
    }
}
