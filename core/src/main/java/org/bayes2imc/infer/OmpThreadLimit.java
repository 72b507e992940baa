package org.bayes2imc.infer;

import org.bytedeco.javacpp.Loader;

import java.lang.invoke.MethodHandle;
import java.lang.reflect.Array;
import java.util.Map;
import java.util.Optional;

/**
 * Limits the OpenMP team that oneDNN opens from the calling thread to that one thread (libgomp's per-thread
 * nthreads ICV). The engine parallelises over chunks of images itself; without a limit every worker would open a team
 * as large as the machine and the teams would fight over the cores.
 *
 * <p>Two ways, chosen at run time so that one jar runs on Java 17, 21 and 25: {@code OMP_NUM_THREADS=1} in the
 * environment (set by the launcher and the test runner; read by libgomp when it starts, so every team already has one
 * thread), or, on Java 22 and later, a call of {@code omp_set_num_threads(1)} through the final foreign-function API,
 * reached by reflection because this code is compiled for Java 17, where that API does not exist.
 */
final class OmpThreadLimit {
    private final MethodHandle setNumThreads;

    private OmpThreadLimit(MethodHandle setNumThreads) {
        this.setNumThreads = setNumThreads;
    }

    /** True when libgomp was started with one-thread teams for every thread. */
    static boolean environmentLimitsTeams() {
        return "1".equals(System.getenv("OMP_NUM_THREADS"));
    }

    /**
     * A limit that works here: the environment's (nothing to call per thread) or a bound omp_set_num_threads;
     * throws when neither is available, with the reason.
     */
    static OmpThreadLimit bind() {
        if (environmentLimitsTeams()) {
            return new OmpThreadLimit(null);
        }
        if (Runtime.version().feature() < 22) {
            throw new IllegalStateException("OMP_NUM_THREADS is not 1 and Java " + Runtime.version().feature()
                    + " has no final foreign-function API to call omp_set_num_threads");
        }
        String path = null;
        for (Map.Entry<String, String> e : Loader.getLoadedLibraries().entrySet()) {
            if (e.getKey().startsWith("gomp") && e.getValue() != null) {
                path = e.getValue();
            }
        }
        if (path == null) {
            throw new IllegalStateException("libgomp was not loaded with oneDNN");
        }
        try {
            return new OmpThreadLimit(downcall(path));
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot bind omp_set_num_threads: " + e, e);
        }
    }

    /** {@code Linker.nativeLinker().downcallHandle(lookup.find("omp_set_num_threads"), FunctionDescriptor.ofVoid(JAVA_INT))}. */
    private static MethodHandle downcall(String libraryPath) throws ReflectiveOperationException {
        Class<?> linkerC = Class.forName("java.lang.foreign.Linker");
        Class<?> optionC = Class.forName("java.lang.foreign.Linker$Option");
        Class<?> lookupC = Class.forName("java.lang.foreign.SymbolLookup");
        Class<?> arenaC = Class.forName("java.lang.foreign.Arena");
        Class<?> segmentC = Class.forName("java.lang.foreign.MemorySegment");
        Class<?> layoutC = Class.forName("java.lang.foreign.MemoryLayout");
        Class<?> descriptorC = Class.forName("java.lang.foreign.FunctionDescriptor");
        Object arena = arenaC.getMethod("global").invoke(null);
        Object lookup = lookupC.getMethod("libraryLookup", String.class, arenaC).invoke(null, libraryPath, arena);
        Optional<?> symbol = (Optional<?>) lookupC.getMethod("find", String.class).invoke(lookup, "omp_set_num_threads");
        Object address = symbol.orElseThrow(() -> new IllegalStateException("omp_set_num_threads not found"));
        Object javaInt = Class.forName("java.lang.foreign.ValueLayout").getField("JAVA_INT").get(null);
        Object layouts = Array.newInstance(layoutC, 1);
        Array.set(layouts, 0, javaInt);
        Object descriptor = descriptorC.getMethod("ofVoid", layouts.getClass()).invoke(null, layouts);
        Object linker = linkerC.getMethod("nativeLinker").invoke(null);
        Object noOptions = Array.newInstance(optionC, 0);
        return (MethodHandle) linkerC.getMethod("downcallHandle", segmentC, descriptorC, noOptions.getClass())
                .invoke(linker, address, descriptor, noOptions);
    }

    /** OpenMP regions opened by the calling thread use exactly one thread from now on. */
    void singleThreadForCaller() {
        if (setNumThreads == null) {
            return;
        }
        try {
            setNumThreads.invoke(1);
        } catch (Throwable t) {
            throw new IllegalStateException("omp_set_num_threads failed", t);
        }
    }
}
