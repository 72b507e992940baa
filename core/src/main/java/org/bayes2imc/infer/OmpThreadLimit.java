package org.bayes2imc.infer;

import jdk.incubator.foreign.CLinker;
import jdk.incubator.foreign.FunctionDescriptor;
import jdk.incubator.foreign.SymbolLookup;
import org.bytedeco.javacpp.Loader;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.util.Map;

/**
 * Limits the OpenMP team that oneDNN opens from the calling thread to that one thread (libgomp's per-thread
 * nthreads ICV, set by {@code omp_set_num_threads}). The engine parallelises over chunks of images itself; without this
 * every worker would open a team as large as the machine and the teams would fight over the cores.
 * Called through the JDK's foreign linker (Java 17 incubator), since the JavaCPP presets do not bind libgomp.
 */
final class OmpThreadLimit {
    private final MethodHandle setNumThreads;

    private OmpThreadLimit(MethodHandle setNumThreads) {
        this.setNumThreads = setNumThreads;
    }

    /** Binds omp_set_num_threads of the libgomp that JavaCPP loaded with oneDNN; throws if it cannot. */
    static OmpThreadLimit bind() {
        String path = null;
        for (Map.Entry<String, String> e : Loader.getLoadedLibraries().entrySet()) {
            if (e.getKey().startsWith("gomp") && e.getValue() != null) {
                path = e.getValue();
            }
        }
        if (path == null) {
            throw new IllegalStateException("libgomp was not loaded with oneDNN");
        }
        System.load(path);
        var symbol = SymbolLookup.loaderLookup().lookup("omp_set_num_threads")
                .orElseThrow(() -> new IllegalStateException("omp_set_num_threads not found"));
        MethodHandle h = CLinker.getInstance().downcallHandle(symbol, MethodType.methodType(void.class, int.class),
                FunctionDescriptor.ofVoid(CLinker.C_INT));
        return new OmpThreadLimit(h);
    }

    /** OpenMP regions opened by the calling thread use exactly one thread from now on. */
    void singleThreadForCaller() {
        try {
            setNumThreads.invokeExact(1);
        } catch (Throwable t) {
            throw new IllegalStateException("omp_set_num_threads failed", t);
        }
    }
}
