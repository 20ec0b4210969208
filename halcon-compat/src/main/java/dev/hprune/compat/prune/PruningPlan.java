package dev.hprune.compat.prune;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which groups gen_dl_pruned_model removes: the lowest-scoring groups until round(percentage/100 x prunable kernels)
 * kernels are reached (a group that would overshoot is taken only when that lands closer to the target), never a group
 * that must stay so that its convolution keeps a kernel (for each such convolution the best-scoring group stays).
 */
public record PruningPlan(Set<ChannelGroup> removed, int removedKernels, int prunableKernels) {

    public static PruningPlan select(PrunabilityAnalysis analysis, Map<ChannelGroup, Double> scores,
            double percentage) {
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
        return new PruningPlan(removed, count, prunable);
    }

    /** 'pruned_percentage': removed kernels per prunable kernel, in percent. */
    public double prunedPercentage() {
        return prunableKernels == 0 ? 0 : 100.0 * removedKernels / prunableKernels;
    }
}
