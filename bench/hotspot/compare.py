#!/usr/bin/env python3
"""Compare two single-band rasters of the same points (Redline's and QGIS's heatmap): grid,
totals, maxima, and values at sample points, using only GDAL's command-line tools.
Also evaluates the exact quartic sum at sampled QGIS cell centres from the points CSV, to show
where each grid evaluates its cells.
usage: compare.py redline.tif qgis.tif points.csv radius"""
import json
import math
import random
import subprocess
import sys

a_path, b_path, pts_path, radius = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])


def info(path):
    j = json.loads(subprocess.run(["gdalinfo", "-json", "-stats", path], check=True,
                                  capture_output=True, text=True).stdout)
    b = j["bands"][0]
    cols, rows = j["size"]
    return {"cols": cols, "rows": rows, "gt": j["geoTransform"], "mean": b["mean"],
            "max": b["maximum"], "sum": b["mean"] * cols * rows}


def values_at(path, coords):
    text = "\n".join(f"{x} {y}" for x, y in coords) + "\n"
    out = subprocess.run(["gdallocationinfo", "-valonly", "-geoloc", path], input=text,
                         check=True, capture_output=True, text=True).stdout.split("\n")
    return [float(v) if v.strip() else float("nan") for v in out[:len(coords)]]


a, b = info(a_path), info(b_path)
for name, r in (("redline", a), ("qgis", b)):
    print(f"{name}_grid {r['cols']}x{r['rows']} origin {r['gt'][0]:.3f},{r['gt'][3]:.3f} "
          f"cell {r['gt'][1]:.4f}x{-r['gt'][5]:.4f}")
    print(f"{name}_sum {r['sum']:.1f}")
    print(f"{name}_max {r['max']:.3f}")
print(f"sum_ratio_redline_over_qgis {a['sum'] / b['sum']:.5f}")
# A sum of raw kernel values over cells approximates n * (pi r^2 / 3) / cell^2 for the quartic.
pts = []
with open(pts_path) as f:
    next(f)
    for line in f:
        p = line.rsplit(",", 2)
        pts.append((float(p[1]), float(p[2])))
cell_a = a["gt"][1]
print(f"expected_sum_quartic {len(pts) * math.pi * radius ** 2 / 3 / cell_a ** 2:.1f}")

# Exact quartic sums at 300 random QGIS cell centres (pure Python with a bucket grid).
rng = random.Random(7)
gt = b["gt"]
samples = []
while len(samples) < 300:
    c, r = rng.randrange(b["cols"]), rng.randrange(b["rows"])
    samples.append((gt[0] + (c + 0.5) * gt[1], gt[3] + (r + 0.5) * gt[5]))
buckets = {}
for x, y in pts:
    buckets.setdefault((int(x // radius), int(y // radius)), []).append((x, y))


def exact(x, y):
    s, bx, by = 0.0, int(x // radius), int(y // radius)
    for i in (-1, 0, 1):
        for j in (-1, 0, 1):
            for px, py in buckets.get((bx + i, by + j), ()):
                d2 = ((px - x) ** 2 + (py - y) ** 2) / radius ** 2
                if d2 <= 1:
                    s += (1 - d2) ** 2
    return s


ex = [exact(x, y) for x, y in samples]
va, vb = values_at(a_path, samples), values_at(b_path, samples)
scale = max(ex)


def err(v):
    d = [abs(p - q) for p, q in zip(v, ex) if not math.isnan(p)]
    return max(d) / scale, sum(d) / len(d) / scale


print("at 300 random QGIS cell centres, error relative to the sample maximum, max / mean:")
print(f"  qgis_vs_exact {err(vb)[0]:.2e} / {err(vb)[1]:.2e}")
print(f"  redline_nearest_cell_vs_exact {err(va)[0]:.2e} / {err(va)[1]:.2e}")
