package dev.hprune.compat.system;

/**
 * The one source of random numbers in hprune: every random choice (tuple_rand and the tuple_shuffle procedure today;
 * dataset splits, training order and augmentation when they come) draws from here, so that
 * {@code set_system('seed_rand', N)} makes a whole program repeatable. Code that needs randomness must call
 * {@link #nextDouble()} (or {@link #nextInt(int)}) rather than create its own {@code java.util.Random}.
 *
 * <p>HALCON documents that tuple_rand uses C's {@code drand48()} and that 'seed_rand' seeds it. This class is that
 * generator: the 48-bit linear congruential generator x' = (0x5DEECE66D x + 0xB) mod 2^48, with the value x' / 2^48, and
 * {@code srand48(seed)} putting the low 32 bits of the seed in the high 32 bits of x and 0x330E below. Whether HALCON
 * calls srand48 with the seed unchanged is not documented; if it does, hprune's draws equal HALCON's.
 *
 * <p>Thread-safe: draws are serialised, so concurrent callers get distinct numbers of one sequence.
 */
public final class RandomSource {
    private static final long MULTIPLIER = 0x5DEECE66DL;
    private static final long INCREMENT = 0xBL;
    private static final long MASK = (1L << 48) - 1;
    private static final long LOW_WORD = 0x330EL;
    private static final double TWO_TO_48 = 0x1p48;

    private static final RandomSource GLOBAL = new RandomSource(System.nanoTime() ^ ProcessHandle.current().pid());

    private long state;
    private long seed;

    /** A generator seeded as srand48(seed) seeds drand48. */
    public RandomSource(long seed) {
        setSeed(seed);
    }

    /** The process-wide source that set_system('seed_rand', N) seeds. */
    public static RandomSource global() {
        return GLOBAL;
    }

    /** srand48(seed): only the low 32 bits of the seed count, as C's {@code long} seed is cut to 32 bits there. */
    public synchronized void setSeed(long seed) {
        this.seed = seed;
        state = (((seed & 0xFFFFFFFFL) << 16) | LOW_WORD) & MASK;
    }

    /** The seed last set (for get_system('seed_rand')). */
    public synchronized long seed() {
        return seed;
    }

    /** drand48(): uniform in [0, 1) with 48 random bits. */
    public synchronized double nextDouble() {
        state = (MULTIPLIER * state + INCREMENT) & MASK;
        return state / TWO_TO_48;
    }

    /** A uniform integer in [0, bound), from one draw (floor(bound * drand48())). */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        return (int) Math.min(bound - 1L, (long) Math.floor(bound * nextDouble()));
    }
}
