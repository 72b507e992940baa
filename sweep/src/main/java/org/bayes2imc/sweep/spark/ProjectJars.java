package org.bayes2imc.sweep.spark;

import java.io.File;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The jars executors need besides Spark's own: the project's modules and the bytedeco jars that carry the native
 * kernels (OpenBLAS, oneDNN; JavaCPP unpacks them on the executor), taken from this JVM's class path.
 */
final class ProjectJars {
    private static final String[] PREFIXES = {"bayes2imc-", "javacpp-", "openblas-", "dnnl-", "opencl-"};

    private ProjectJars() {
    }

    /** Comma-separated jar paths for spark.jars; empty when the project runs from class folders (tests). */
    static String forExecutors() {
        return Arrays.stream(System.getProperty("java.class.path", "").split(File.pathSeparator))
                .filter(p -> p.endsWith(".jar"))
                .filter(p -> {
                    String n = new File(p).getName();
                    return Arrays.stream(PREFIXES).anyMatch(n::startsWith);
                })
                .collect(Collectors.joining(","));
    }
}
