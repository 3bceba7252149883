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
    # The mean is over valid cells only: QGIS writes nodata (-9999) where no point is in range.
    valid = float(b["metadata"][""]["STATISTICS_VALID_PERCENT"]) / 100
    return {"cols": cols, "rows": rows, "gt": j["geoTransform"], "mean": b["mean"],
            "max": b["maximum"], "sum": b["mean"] * cols * rows * valid, "valid": valid}


def values_at(path, coords):
    text = "\n".join(f"{x} {y}" for x, y in coords) + "\n"
    out = subprocess.run(["gdallocationinfo", "-valonly", "-geoloc", path], input=text,
                         check=True, capture_output=True, text=True).stdout.split("\n")
    # nodata (-9999, QGIS's "no point in range") is a density of 0.
    return [max(0.0, float(v)) if v.strip() else float("nan") for v in out[:len(coords)]]


a, b = info(a_path), info(b_path)
for name, r in (("redline", a), ("qgis", b)):
    print(f"{name}_grid {r['cols']}x{r['rows']} origin {r['gt'][0]:.3f},{r['gt'][3]:.3f} "
          f"cell {r['gt'][1]:.4f}x{-r['gt'][5]:.4f}")
    print(f"{name}_sum {r['sum']:.1f}")
    print(f"{name}_max {r['max']:.3f}")
    print(f"{name}_valid_cells {100 * r['valid']:.1f}%")
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


def centres(r, k, seed):
    rng, gt, out = random.Random(seed), r["gt"], []
    while len(out) < k:
        c, w = rng.randrange(r["cols"]), rng.randrange(r["rows"])
        out.append((gt[0] + (c + 0.5) * gt[1], gt[3] + (w + 0.5) * gt[5]))
    return out


def err(path, samples):
    ex = [exact(x, y) for x, y in samples]
    v = values_at(path, samples)
    scale = max(ex)
    d = [abs(p - q) for p, q in zip(v, ex)]
    return max(d) / scale, sum(d) / len(d) / scale


print("exact quartic sum at 300 random cell centres of each grid vs the raster's value there;")
print("error relative to the largest sampled value, max / mean:")
e = err(a_path, centres(a, 300, 7))
print(f"  redline_vs_exact {e[0]:.2e} / {e[1]:.2e}")
e = err(b_path, centres(b, 300, 7))
print(f"  qgis_vs_exact {e[0]:.2e} / {e[1]:.2e}")
