#!/usr/bin/env python3
"""Exact optimum of a slot-expanded dispatch instance, for bench/matching.bench.ts.

Reads the instance written by the benchmark (little-endian):
  int32 requests, int32 slots, int32 edges, int32 0 (padding),
  int32 rows[edges], int32 cols[edges], float64 weights[edges]   (all weights > 0)
and maximises the sum of weights of a matching with
scipy.sparse.csgraph.min_weight_full_bipartite_matching (LAPJVsp). Every request gets a private
dummy column ("stays open", weight 0), so a matching covering every request always exists.
Costs are shift - weight with shift = max weight + 1, so every stored cost is >= 1: no
explicit zero that the sparse matrix would drop. Prints one JSON line:
  {"objective": ..., "matched": ..., "seconds": <solver call only>, "build_seconds": ...}
or {"error": "..."} (exit 3) when SciPy is missing.
"""
import json
import sys
import time

try:
    import numpy as np
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import min_weight_full_bipartite_matching
except ImportError as exc:  # pragma: no cover
    print(json.dumps({"error": f"python3 lacks numpy/scipy: {exc}"}))
    sys.exit(3)


def main(path: str) -> None:
    data = open(path, "rb").read()
    n, s, e, _ = np.frombuffer(data, dtype="<i4", count=4)
    n, s, e = int(n), int(s), int(e)
    off = 16
    rows = np.frombuffer(data, dtype="<i4", count=e, offset=off)
    cols = np.frombuffer(data, dtype="<i4", count=e, offset=off + 4 * e)
    pad = (off + 8 * e) % 8
    weights = np.frombuffer(data, dtype="<f8", count=e, offset=off + 8 * e + pad)

    t0 = time.perf_counter()
    shift = (float(weights.max()) if e else 0.0) + 1.0
    all_rows = np.concatenate([rows, np.arange(n, dtype=np.int32)])
    all_cols = np.concatenate([cols, s + np.arange(n, dtype=np.int32)])
    costs = np.concatenate([shift - weights, np.full(n, shift)])
    matrix = csr_matrix((costs, (all_rows, all_cols)), shape=(n, s + n))
    t1 = time.perf_counter()
    row_ind, col_ind = min_weight_full_bipartite_matching(matrix)
    t2 = time.perf_counter()

    real = col_ind < s
    picked = np.asarray(matrix[row_ind[real], col_ind[real]]).ravel()
    objective = float(np.sum(shift - picked))
    print(json.dumps({
        "objective": objective,
        "matched": int(real.sum()),
        "seconds": t2 - t1,
        "build_seconds": t1 - t0,
    }))


if __name__ == "__main__":
    main(sys.argv[1])
