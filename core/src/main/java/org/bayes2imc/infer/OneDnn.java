package org.bayes2imc.infer;

import org.bytedeco.dnnl.dnnl_engine;
import org.bytedeco.dnnl.dnnl_memory_desc;
import org.bytedeco.dnnl.dnnl_stream;
import org.bytedeco.javacpp.Loader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.bytedeco.dnnl.global.dnnl.*;

/**
 * The oneDNN CPU engine (bytedeco presets) behind the integer kernels: loaded once, probed with a convolution whose
 * answer is known, and usable only where the CPU has VNNI int8 dot products (u8 × s8 → s32 without the 16-bit
 * saturation of older int8 paths, so ±1-weighted sums of 8-bit codes are exact). Each worker thread gets its own
 * stream and a one-thread OpenMP team; when the thread limit cannot be bound, calls are serialised instead.
 */
public final class OneDnn {
    private static final Logger LOG = LoggerFactory.getLogger(OneDnn.class);
    private static final Object SERIAL = new Object();
    private static volatile State state;

    private record State(dnnl_engine engine, OmpThreadLimit ompLimit, String unavailable, String isa) {
    }

    private static final ThreadLocal<dnnl_stream> STREAMS = ThreadLocal.withInitial(() -> {
        State s = state();
        if (s.ompLimit != null) {
            s.ompLimit.singleThreadForCaller();
        }
        dnnl_stream st = new dnnl_stream();
        check(dnnl_stream_create(st, s.engine, dnnl_stream_in_order), "stream");
        return st;
    });

    private OneDnn() {
    }

    private static State state() {
        State s = state;
        if (s == null) {
            synchronized (OneDnn.class) {
                s = state;
                if (s == null) {
                    s = load();
                    state = s;
                }
            }
        }
        return s;
    }

    private static State load() {
        try {
            Loader.load(org.bytedeco.dnnl.global.dnnl.class);
            int isa = dnnl_get_effective_cpu_isa();
            String isaName = isaName(isa);
            if ((isa & dnnl_cpu_isa_avx512_core_vnni) != dnnl_cpu_isa_avx512_core_vnni
                    && (isa & dnnl_cpu_isa_avx2_vnni) != dnnl_cpu_isa_avx2_vnni) {
                return new State(null, null, "the CPU has no VNNI int8 instructions (oneDNN ISA " + isaName + ")", isaName);
            }
            dnnl_engine engine = new dnnl_engine();
            check(dnnl_engine_create(engine, dnnl_cpu, 0), "engine");
            OmpThreadLimit limit = null;
            try {
                limit = OmpThreadLimit.bind();
            } catch (Throwable t) {
                LOG.warn("oneDNN: cannot limit OpenMP teams per thread ({}); integer kernel calls are serialised. "
                        + "Set OMP_NUM_THREADS=1 (the launcher does) or run on Java 22+", t.getMessage());
            }
            State s = new State(engine, limit, null, isaName);
            state = s;
            String probe = Int8Conv.probe();
            if (probe != null) {
                return new State(null, null, "oneDNN int8 convolution probe failed: " + probe, isaName);
            }
            return s;
        } catch (Throwable t) {
            return new State(null, null, "oneDNN could not be loaded: " + t, "unknown");
        }
    }

    private static String isaName(int isa) {
        if ((isa & dnnl_cpu_isa_avx10_1_512_amx) == dnnl_cpu_isa_avx10_1_512_amx) {
            return "avx512_amx";
        }
        if ((isa & dnnl_cpu_isa_avx512_core_bf16) == dnnl_cpu_isa_avx512_core_bf16) {
            return "avx512_core_bf16";
        }
        if ((isa & dnnl_cpu_isa_avx512_core_vnni) == dnnl_cpu_isa_avx512_core_vnni) {
            return "avx512_core_vnni";
        }
        if ((isa & dnnl_cpu_isa_avx2_vnni) == dnnl_cpu_isa_avx2_vnni) {
            return "avx2_vnni";
        }
        return "0x" + Integer.toHexString(isa);
    }

    /** True when the exact int8 kernels can run here. */
    public static boolean available() {
        return state().unavailable == null;
    }

    /** Why the int8 kernels cannot run here, or null when they can. */
    public static String unavailableReason() {
        return state().unavailable;
    }

    /** The instruction set oneDNN dispatches to (for benchmark reports). */
    public static String isa() {
        return state().isa;
    }

    static dnnl_engine engine() {
        State s = state();
        if (s.engine == null) {
            throw new IllegalStateException(s.unavailable);
        }
        return s.engine;
    }

    /** This thread's stream (created with a one-thread OpenMP team for this thread). */
    static dnnl_stream stream() {
        return STREAMS.get();
    }

    /** Runs a primitive call: directly when teams are limited per thread, else one call at a time. */
    static void run(Runnable call) {
        if (state().ompLimit != null) {
            call.run();
        } else {
            synchronized (SERIAL) {
                call.run();
            }
        }
    }

    static void check(int status, String what) {
        if (status != dnnl_success) {
            throw new IllegalStateException("oneDNN " + what + " failed with status " + status);
        }
    }

    /** The implementation oneDNN chose for a primitive descriptor, as its verbose mode names it. */
    static String implementation(org.bytedeco.dnnl.dnnl_primitive_desc pd) {
        org.bytedeco.javacpp.PointerPointer<?> name = new org.bytedeco.javacpp.PointerPointer<>(1);
        check(dnnl_primitive_desc_query(pd, dnnl_query_impl_info_str, 0, name), "implementation query");
        return name.getString(0);
    }

    static dnnl_memory_desc desc(long[] dims, int dataType, int tag) {
        dnnl_memory_desc md = new dnnl_memory_desc();
        check(dnnl_memory_desc_create_with_tag(md, dims.length, dims, dataType, tag), "memory descriptor");
        return md;
    }
}
