package dev.hprune.compat.prune;

import java.util.Arrays;

/** Disjoint sets over the channel ids 0, 1, 2, ... that grow as the analysis creates channels. */
final class UnionFind {
    private int[] parent = new int[64];
    private int size;

    int add() {
        if (size == parent.length) {
            parent = Arrays.copyOf(parent, size * 2);
        }
        parent[size] = size;
        return size++;
    }

    int find(int id) {
        int root = id;
        while (parent[root] != root) {
            root = parent[root];
        }
        while (parent[id] != root) {
            int next = parent[id];
            parent[id] = root;
            id = next;
        }
        return root;
    }

    void union(int a, int b) {
        int ra = find(a);
        int rb = find(b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }

    int size() {
        return size;
    }
}
