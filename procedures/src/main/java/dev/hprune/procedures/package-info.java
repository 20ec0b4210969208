/**
 * HALCON's standard deep-learning procedures, with HALCON's procedure names and parameter order, one class per
 * procedure library (dataset, preprocessing, training, evaluation). HDevelop's export to C#/C++ writes these procedures
 * as methods named like the procedure ({@code split_dl_dataset(hv_DLDataset, 70, 15, [])}); here they are static methods
 * with the same names, so an exported program ports line by line with a static import. Inputs are {@code HTuple}s and
 * {@code HObject}s, outputs are filled in place as {@code HOperatorSet} fills them. The procedures call the operators of
 * {@code HOperatorSet} only, never halcon-compat, as HALCON's procedures call only HALCON's operators.
 */
package dev.hprune.procedures;
