package org.bayes2imc.hardware;

/**
 * One entry of the component library: energy per action, area per instance and latency per action at the node and
 * supply it was published at, with its public source (docs/MODEL.md §9, Accelergy-style table).
 *
 * @param bits reference bit width of the figure (0 when the entry has no width)
 */
public record Component(String name, double energyPj, double areaUm2, double latencyNs, double nodeNm, double vddV,
                        int bits, WidthRule widthRule, NodeScaling scaling, String source) {

    /** The figure at another node, supply and width, by the documented rules (NodeScaling, WidthRule). */
    public Component at(double toNodeNm, double toVddV, int toBits) {
        int target = bits == 0 ? 0 : toBits;
        if (bits != 0 && toBits <= 0) {
            throw new IllegalArgumentException("component '" + name + "' needs a positive bit width, got " + toBits);
        }
        double e = energyPj * scaling.energyFactor(nodeNm, vddV, toNodeNm, toVddV);
        double a = areaUm2 * scaling.areaFactor(nodeNm, toNodeNm);
        double t = latencyNs * scaling.latencyFactor(nodeNm, toNodeNm);
        if (bits != 0) {
            e *= widthRule.energyFactor(bits, target);
            a *= widthRule.areaFactor(bits, target);
            t *= widthRule.latencyFactor(bits, target);
        }
        return new Component(name, e, a, t, toNodeNm, toVddV, target, widthRule, scaling, source);
    }
}
