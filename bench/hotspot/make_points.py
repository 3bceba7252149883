#!/usr/bin/env python3
"""Deterministic benchmark points: N complaints over a 50 km x 40 km county-sized extent of
EPSG:27700 (south-west corner 500000, 150000): 60% in 40 Gaussian clusters (sigma 150-900 m),
40% uniform. Writes CSV (reference, received_date, category, status, x, y)."""
import random
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
out = sys.argv[2] if len(sys.argv) > 2 else "points.csv"
rng = random.Random(20240601)
x0, y0, w, h = 500000.0, 150000.0, 50000.0, 40000.0
centres = [(x0 + rng.uniform(2000, w - 2000), y0 + rng.uniform(2000, h - 2000),
            rng.uniform(150, 900)) for _ in range(40)]
cats = ["extension", "building-works", "change-of-use", "tree", "other"]
with open(out, "w") as f:
    f.write("reference,received_date,category,status,x,y\n")
    i = 0
    while i < n:
        if rng.random() < 0.6:
            cx, cy, s = centres[rng.randrange(len(centres))]
            x, y = rng.gauss(cx, s), rng.gauss(cy, s)
            if not (x0 <= x <= x0 + w and y0 <= y <= y0 + h):
                continue
        else:
            x, y = x0 + rng.uniform(0, w), y0 + rng.uniform(0, h)
        f.write(f"B/{i},2024-{1 + i % 12:02d}-{1 + i % 28:02d},{cats[i % 5]},open,{x:.2f},{y:.2f}\n")
        i += 1
