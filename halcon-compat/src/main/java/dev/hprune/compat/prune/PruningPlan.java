package dev.hprune.compat.prune;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which groups gen_dl_pruned_model removes: the lowest-scoring groups until round(percentage/100 x prunable kernels)
 * kernels are reached (a group that would overshoot is taken only when that lands closer to the target), never a group
 * that must stay so that its convolution keeps a kernel (for each such convolution the best-scoring group stays).
 *
 * <p>With a kernel multiple N > 1 (hprune's 'kernel_multiple' GenParam of create_dl_pruning, not a HALCON parameter)
 * the selection is then corrected so that every convolution keeps a multiple of N kernels, or all of them: for each
 * convolution that does not, the best-scoring removed group touching it is put back, until none is left. Kernels are
 * only ever put back, so the result removes at most what HALCON's selection removes. Vectorised convolution kernels
 * (oneDNN, ONNX Runtime's MLAS) work on blocks of 8 or 16 channels; a remainder costs nearly a whole block, so odd
 * counts can make a pruned model slower than its MAC count says.
 */
public record PruningPlan(Set<ChannelGroup> removed, int removedKernels, int prunableKernels) {

    public static PruningPlan select(PrunabilityAnalysis analysis, Map<ChannelGroup, Double> scores,
            double percentage) {
        return select(analysis, scores, percentage, 1);
    }

    /** As {@link #select(PrunabilityAnalysis, Map, double)}, each convolution keeping a multiple of {@code kernelMultiple} kernels. */
    public static PruningPlan select(PrunabilityAnalysis analysis, Map<ChannelGroup, Double> scores,
            double percentage, int kernelMultiple) {
        int prunable = analysis.prunableKernelCount();
        int target = (int) Math.round(percentage / 100.0 * prunable);
        Comparator<ChannelGroup> lowFirst = Comparator.comparingDouble((ChannelGroup g) -> scores.getOrDefault(g, 0.0))
                .thenComparingInt(ChannelGroup::id);
        Set<ChannelGroup> keep = analysis.keepers(lowFirst.reversed());
        List<ChannelGroup> candidates = new ArrayList<>(analysis.groups());
        candidates.removeAll(keep);
        candidates.sort(lowFirst);
        Set<ChannelGroup> removed = new LinkedHashSet<>();
        int count = 0;
        for (ChannelGroup group : candidates) {
            if (count >= target) {
                break;
            }
            int next = count + group.size();
            if (next <= target || next - target < target - count) {
                removed.add(group);
                count = next;
            }
        }
        if (kernelMultiple > 1) {
            roundKeptKernels(analysis, removed, lowFirst, kernelMultiple);
            count = removed.stream().mapToInt(ChannelGroup::size).sum();
        }
        return new PruningPlan(removed, count, prunable);
    }

    private static void roundKeptKernels(PrunabilityAnalysis analysis, Set<ChannelGroup> removed,
            Comparator<ChannelGroup> lowFirst, int multiple) {
        Set<String> unfixable = new HashSet<>();
        while (true) {
            Optional<String> odd = analysis.prunableConvs().stream().filter(conv -> !unfixable.contains(conv))
                    .filter(conv -> {
                        int total = analysis.kernelCount(conv);
                        int kept = total - removedKernels(removed, conv);
                        return kept != total && kept % multiple != 0;
                    }).findFirst();
            if (odd.isEmpty()) {
                return;
            }
            Optional<ChannelGroup> best = analysis.groupsOf(odd.get()).stream().filter(removed::contains)
                    .max(lowFirst);
            if (best.isEmpty()) {
                unfixable.add(odd.get());
            } else {
                removed.remove(best.get());
            }
        }
    }

    private static int removedKernels(Set<ChannelGroup> removed, String conv) {
        int n = 0;
        for (ChannelGroup group : removed) {
            for (Kernel kernel : group.kernels()) {
                if (kernel.conv().equals(conv)) {
                    n++;
                }
            }
        }
        return n;
    }

    /** 'pruned_percentage': removed kernels per prunable kernel, in percent. */
    public double prunedPercentage() {
        return prunableKernels == 0 ? 0 : 100.0 * removedKernels / prunableKernels;
    }
}
