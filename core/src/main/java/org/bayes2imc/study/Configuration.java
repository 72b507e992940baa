package org.bayes2imc.study;

import org.bayes2imc.imc.DeployOptions;

/**
 * One named hardware configuration of a {@link Study} (docs/MODEL.md §5–§8): the deployment settings its K cores are
 * programmed and read with; {@code name} labels its rows (e.g. a drift compensation's id or a sparsity mode).
 */
public record Configuration(String name, DeployOptions options) {
    public Configuration {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("configuration name must be set");
        }
        if (options == null) {
            throw new IllegalArgumentException("configuration '" + name + "' has no deployment options");
        }
    }
}
