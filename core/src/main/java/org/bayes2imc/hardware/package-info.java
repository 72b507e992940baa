/**
 * Power, performance and area of the core (docs/MODEL.md §9): an analytical NeuroSim-style model (chip → tile → PE → array)
 * priced by an Accelergy-style component table ({@code components.yaml}, every figure with its source and node).
 *
 * <p>Entry point: {@link org.bayes2imc.hardware.PpaModel#evaluate}. Designs ({@link org.bayes2imc.hardware.Design}):
 * bayes2imc (PCM + 1-bit sense amplifiers as sampler, bit-parallel digital accumulation, no ADC), sram (p as a b-bit
 * word, LFSR + comparator per sample), adc-imc (analog crossbar, bit-serial inputs, muxed column ADCs). Modes
 * ({@link org.bayes2imc.hardware.PipelineMode}): pipelined (S copies of sampled arrays) or non-pipelined (one copy
 * read S times). Sparsity ({@link org.bayes2imc.hardware.SparsityProfile}): none, LS, LS+RS.
 *
 * <p>Ops: 2 per MAC × MACs of one network pass × S, identical for every design and sparsity mode.
 *
 * <p>results.json of {@code bayes2imc ppa}: {@code command}, {@code settings} (network, model, epsilon, design,
 * compare, mode, sparsity, first_ensembling_layer, sp_row_fraction, samples, config{...}, components, sweep),
 * {@code ops_definition}, {@code result} ({@link org.bayes2imc.hardware.PpaReport}: totals energy_uj,
 * latency_us, area_mm2, gops, gops_per_w, gops_per_w_mm2, ops, arrays, energy_uj_by_component,
 * area_mm2_by_component, layers[] with the same per layer plus macs_per_pass, tiles, sampled_row_fraction),
 * optional {@code compare_result} and {@code ratios} (> 1 = the subject is better), {@code rows} (the demo's
 * ppa.rows: network, design, mode, sparsity, samples, energy_uj, latency_us, area_mm2, gops, gops_per_w,
 * gops_per_w_mm2) and optional {@code sweep} (key, points[] of value, subject, baseline, ratios).
 */
package org.bayes2imc.hardware;
