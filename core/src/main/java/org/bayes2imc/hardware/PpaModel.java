package org.bayes2imc.hardware;

import org.bayes2imc.model.CrossbarTiling;
import org.bayes2imc.model.Architecture;
import org.bayes2imc.model.LayerKind;
import org.bayes2imc.model.LayerSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * The analytical PPA model (docs/MODEL.md §9), NeuroSim-style chip → tile → PE → array, priced with an Accelergy-style
 * component table. Per layer:
 * <ul>
 * <li>The fan-in rows form one plane, or under LS+RS a deterministic plane (DP) and a stochastic plane (SP); each
 *     plane is cut into arrays by {@link CrossbarTiling} (the simulator's tiling).</li>
 * <li>A sampled plane (ensembled layer, or the SP) is read once per member and output position (S·P vectors) and
 *     has S physical copies when pipelined, 1 when not. A deterministic plane (layer before L*, or the DP) has one
 *     copy and is read once per distinct input: once for the first ensembling layer and before it, S times after
 *     it, because there each member's input differs.</li>
 * <li>Latency: a copy processes its vectors one after another, planes run in parallel, layers one after another.</li>
 * <li>Digital periphery: row-block partial sums merged by adders, DP + SP merged per member, input vectors read
 *     from and outputs written to the tile buffer (k bits each), outputs sent over the interconnect, 3 comparisons
 *     per max-pooled output, one BatchNorm/ReLU action per output value per member.</li>
 * <li>Area: each layer has its own arrays, PEs ({@code arrays_per_pe} arrays and an adder tree) and tiles
 *     ({@code pes_per_tile} PEs, a buffer and BN/ReLU units). Leakage and control are not modelled.</li>
 * </ul>
 */
public final class PpaModel {

    private PpaModel() {
    }

    /** With the default configuration (22 nm, 128×128) and the default component library. */
    public static PpaResult evaluate(Architecture arch, Design design, PipelineMode mode, SparsityProfile sparsity,
                                     int samples) {
        return evaluate(arch, design, mode, sparsity, samples, PpaConfig.defaults(), ComponentLibrary.defaults());
    }

    public static PpaResult evaluate(Architecture arch, Design design, PipelineMode mode, SparsityProfile sparsity,
                                     int samples, PpaConfig config, ComponentLibrary components) {
        if (samples < 1) {
            throw new IllegalArgumentException("samples must be >= 1, got " + samples);
        }
        sparsity.validate(arch);
        Pricing p = new Pricing(components, config);
        CoreDesign core = design.core();
        Tally arrayArea = new Tally();
        core.arrayArea(p, arrayArea);
        List<LayerPpa> layers = new ArrayList<>();
        for (LayerSpec l : arch.layers()) {
            layers.add(layer(l, core, mode, sparsity, samples, p, arrayArea));
        }
        return new PpaResult(arch.name() + ":" + arch.classes(), design, mode, sparsity, samples, config, components.sourceName(), layers);
    }

    /** One block of a layer's fan-in rows on its own arrays. */
    private record Plane(CrossbarTiling tiling, long vectors, int copies) {
        long vectorsPerCopy() {
            return (vectors + copies - 1) / copies;
        }
    }

    private static LayerPpa layer(LayerSpec l, CoreDesign core, PipelineMode mode, SparsityProfile sp, int s,
                                  Pricing p, Tally arrayArea) {
        PpaConfig c = p.config();
        int positions = l.positions();
        boolean ensembled = sp.ensembled(l.index());
        boolean inputsDiffer = l.index() > 0 && sp.ensembled(l.index() - 1);
        long distinctInputs = inputsDiffer ? s : 1;
        int sampledCopies = mode == PipelineMode.PIPELINED ? s : 1;

        List<Plane> planes = new ArrayList<>();
        double sampledFraction;
        if (!ensembled) {
            planes.add(new Plane(tile(l, l.fanIn(), core, c), (long) positions, 1));
            sampledFraction = 0;
        } else if (!sp.rowSplit(l.index())) {
            planes.add(new Plane(tile(l, l.fanIn(), core, c), (long) s * positions, sampledCopies));
            sampledFraction = 1;
        } else {
            int spRows = (int) Math.round(sp.spRowFraction().get(l.index()) * l.fanIn());
            int dpRows = l.fanIn() - spRows;
            if (spRows > 0) {
                planes.add(new Plane(tile(l, spRows, core, c), (long) s * positions, sampledCopies));
            }
            if (dpRows > 0) {
                planes.add(new Plane(tile(l, dpRows, core, c), distinctInputs * positions, 1));
            }
            sampledFraction = (double) spRows / l.fanIn();
        }

        Tally energy = new Tally();
        Tally area = new Tally();
        long arrays = 0;
        double latency = 0;
        Component adder = p.get("adder", p.sumBits(l.fanIn()));
        Component buffer = p.get("buffer_sram");
        for (Plane pl : planes) {
            CrossbarTiling t = pl.tiling();
            core.readEnergy(t, pl.vectors(), p, energy);
            // Row blocks' partial sums merged by the PE adder tree: rowBlocks − 1 adds per output per vector.
            energy.add(adder, (double) pl.vectors() * (t.rowBlocks() - 1) * l.outChannels(), adder.energyPj());
            // Every vector's k-bit inputs are read from the tile buffer once (broadcast to the column blocks).
            energy.add(buffer, (double) pl.vectors() * t.layer().fanIn() * c.activationBits(), buffer.energyPj());
            arrays += (long) t.arrays() * pl.copies();
            double treeNs = Pricing.log2Ceil(t.rowBlocks()) * c.clockNs();
            latency = Math.max(latency, pl.vectorsPerCopy() * (core.vectorLatencyNs(t, p) + treeNs));
        }
        long outputMembers = ensembled ? s : 1;
        if (planes.size() == 2) {
            energy.add(adder, (double) s * positions * l.outChannels(), adder.energyPj()); // DP + SP per member
        }
        if (l.maxPool()) {
            Component cmp = p.get("comparator", p.sumBits(l.fanIn()));
            energy.add(cmp, 3.0 * outputMembers * l.outputSize(), cmp.energyPj());
        }
        Component bn = p.get("bn_relu");
        energy.add(bn, (double) outputMembers * l.outputSize(), bn.energyPj());
        double outputBits = (double) outputMembers * l.outputSize() * c.activationBits();
        energy.add(buffer, outputBits, buffer.energyPj());
        Component wire = p.get("interconnect");
        energy.add(wire, outputBits * c.interconnectMm(), wire.energyPj());

        // Area: arrays with periphery, PEs (adder tree over the arrays' synapse columns), tiles (buffer, BN units).
        area.addAll(arrayArea, arrays);
        long pes = ceilDiv(arrays, c.arraysPerPe());
        int tiles = (int) ceilDiv(pes, c.pesPerTile());
        int synapseColumns = c.arraySize() / core.devicesPerSynapse(c);
        area.add(adder, (double) pes * (c.arraysPerPe() - 1) * synapseColumns, adder.areaUm2());
        area.add(buffer, (double) tiles * c.tileBufferKib() * 8192.0, buffer.areaUm2());
        area.add(bn, (double) tiles * c.bnUnitsPerTile(), bn.areaUm2());

        double ops = 2.0 * l.macsPerImage() * s;
        return new LayerPpa(l.index(), l.name(), l.macsPerImage(), ops, arrays, tiles, sampledFraction, latency,
                energy.asMap(), area.asMap());
    }

    /** The rows of a layer (all, SP or DP) as a weight matrix rows × outChannels, tiled like the simulator does. */
    private static CrossbarTiling tile(LayerSpec l, int rows, CoreDesign core, PpaConfig c) {
        LayerSpec block = rows == l.fanIn() ? l
                : new LayerSpec(l.index(), LayerKind.FC, rows, l.outChannels(), 1, 0, 1, 1, false, l.relu(), l.bnEps(), l.bnMomentum());
        return new CrossbarTiling(block, c.arraySize(), c.arraySize(), core.devicesPerSynapse(c));
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
