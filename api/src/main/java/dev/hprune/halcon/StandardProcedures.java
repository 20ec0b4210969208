package dev.hprune.halcon;

import dev.hprune.compat.tuple.TupleOperators;

/**
 * Procedures of HALCON's standard procedure library that are not operators: HALCON ships them as HDevelop source and
 * HDevelop's export writes their bodies into the exported program. hprune has no procedures module yet; the procedures
 * that the tuple operators alone express live here until it does. Same calling convention as {@link HOperatorSet}.
 */
public final class StandardProcedures {
    private StandardProcedures() {}

    /**
     * tuple_shuffle( : : Tuple : Shuffled): Tuple in random order, computed as HALCON's procedure computes it,
     * Tuple[tuple_sort_index(tuple_rand(|Tuple|))], so that after the same set_system('seed_rand', N) it draws the same
     * permutation; [] gives [].
     */
    public static void TupleShuffle(HTuple tuple, HTuple shuffled) {
        Operator.compute("tuple_shuffle", shuffled, () -> TupleOperators.tupleShuffle(Operator.in(tuple)));
    }
}
