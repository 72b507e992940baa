#!/usr/bin/env python3
"""Sampled-parameter reduction against epsilon, row granularity and L* for trained models (docs/VALIDATION.md §1).

Runs `./bayes2imc sparsity` once per setting and prints one Markdown row per (model, L*, epsilon, granularity):
the probabilistic fraction, LS reduction (1 - LS/all), RS over LS (1 - LS+RS/LS, the source's "further up to 86 %")
and LS+RS over all, beside what RS over LS would be if the probabilistic synapses were placed independently
at random (the placement the posterior's row structure departs from). Usage, from the repository root:

    python3 docs/validation/sparsity_sweep.py [--first-fc] OUT_DIR MODEL.safetensors [MODEL ...]

Granularities: whole rows, and row segments of 128, 64 and 32 synapses (row-segment with --array-size N: a segment
is the part of a row inside one N-column array). L*: automatic (the latest layer keeping 90 % of the probabilistic
synapses ensembled); on the networks studied here it is the first FC layer, the source's choice for VGGBinaryConnect.
"""
import json
import os
import subprocess
import sys

EPSILONS = ["0.001", "0.01", "0.05", "0.1", "0.25"]
GRANULARITIES = [("whole-row", "128"), ("row-segment", "128"), ("row-segment", "64"), ("row-segment", "32")]


def run(out, model, eps, gran, size, first_layer):
    # BAYES2IMC overrides the launcher (e.g. a plain `java -cp ...` while a build is running).
    args = os.environ.get("BAYES2IMC", "./bayes2imc").split() + ["sparsity", "--model", model, "--epsilon", eps, "--granularity", gran,
            "--array-size", size, "--out", out]
    if first_layer is not None:
        args += ["--first-ensembling-layer", str(first_layer)]
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with open(os.path.join(out, "results.json")) as f:
        return json.load(f)["sparsity"]


def independent_rs(s, width):
    """RS over LS if each ensembled layer's probabilistic synapses were placed independently at random: a segment of
    w synapses is deterministic with probability (1 - f)^w, f the layer's probabilistic fraction."""
    ens = [l for l in s["layers"] if l["ensembled"]]
    total = sum(l["synapses"] for l in ens)
    kept = 0.0
    for l in ens:
        columns = l["synapses"] // l["rows"]
        w = columns if width is None else min(width, columns)
        kept += l["synapses"] * (1 - (1 - l["fraction"]) ** w)
    return 1 - kept / total if total else 0.0


def main():
    args = sys.argv[1:]
    first_fc = "--first-fc" in args  # force L* = first FC layer instead of the automatic choice
    args = [a for a in args if a != "--first-fc"]
    out, models = args[0], args[1:]
    print("| model | ε | probabilistic (ensembled layers) | L* | LS | RS over LS: row / 128 / 64 / 32-synapse segments "
          "| independent placement: row / 32 | LS+RS over all (best) |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for model in models:
        name = os.path.basename(model).replace(".safetensors", "")
        lstar = None
        if first_fc:
            layers = run(out, model, "0.01", "whole-row", "128", None)["layers"]
            lstar = next(l["layer"] for l in layers if l["name"].startswith("fc"))
        for eps in EPSILONS:
            runs = [run(out, model, eps, gran, size, lstar) for gran, size in GRANULARITIES]
            s = runs[0]
            ens = [l for l in s["layers"] if l["ensembled"]]
            f_ens = sum(l["probabilistic"] for l in ens) / sum(l["synapses"] for l in ens)
            rs, best = [], 0.0
            for r in runs:
                sp = r["sampled_parameters"]
                rs.append(100 * (1 - sp["ls_rs"] / sp["ls"]) if sp["ls"] else 0.0)
                best = max(best, 100 * (1 - sp["ls_rs"] / sp["none"]))
            ls = 100 * (1 - s["sampled_parameters"]["ls"] / s["sampled_parameters"]["none"])
            print("| %s | %s | %.2f %% (%.2f %%) | %s | %.2f %% | %s | %.2f %% / %.2f %% | %.2f %% |" % (
                name, eps, 100 * s["probabilistic_fraction"], 100 * f_ens, s["first_ensembling_layer_name"], ls,
                " / ".join("%.2f %%" % v for v in rs), 100 * independent_rs(s, None), 100 * independent_rs(s, 32),
                best), flush=True)


if __name__ == "__main__":
    main()
