package dev.hprune.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScoringPlanTest {
    @ParameterizedTest(name = "{0} samples, batch {1}, {2} partitions -> {3}")
    @CsvSource({
        // samples, batch size, partitions asked, expected partition sizes
        "100, 32, 2, 64;36",      // 4 batches: 2 + 2, the short one last
        "100, 32, 3, 64;32;4",    // 4 batches: 2 + 1 + 1
        "100, 32, 8, 32;32;32;4", // no more partitions than batches
        "64, 32, 1, 64",
        "5, 32, 4, 5",
        "1437, 32, 2, 736;701",   // 45 batches: 23 + 22
    })
    void partitionsAreWholeBatchesInOrder(int count, int batchSize, int partitions, String expected) {
        long[] samples = LongStream.range(0, count).map(i -> 3 * i + 7).toArray();
        List<long[]> split = ScoringPlan.split(samples, batchSize, partitions);

        assertThat(split.stream().map(p -> String.valueOf(p.length)).toList())
                .containsExactly(expected.split(";"));
        assertThat(split.stream().flatMapToLong(LongStream::of).toArray()).containsExactly(samples);
        for (int p = 0; p < split.size() - 1; p++) {
            assertThat(split.get(p).length % batchSize).as("partition %d", p).isZero();
        }
    }

    @ParameterizedTest
    @CsvSource({"0, 1", "1, 0", "-1, 2"})
    void batchSizeAndPartitionsMustBePositive(int batchSize, int partitions) {
        assertThatThrownBy(() -> ScoringPlan.split(new long[] {1, 2, 3}, batchSize, partitions))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
