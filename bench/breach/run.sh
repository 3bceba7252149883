#!/usr/bin/env bash
# Breach-engine benchmark: `redline-cli check` on a generated town of 50,000 plots (about 100,000
# current buildings) next to, in the same run and on the same workspace file:
#   - GDAL reading the four input layers the core computation needs (a tiny C reader),
#   - the core computation (buildings minus baseline, then joined to curtilages and red lines) in
#     QGIS 3.22 through PyQGIS processing, with and without native:createspatialindex,
#   - the same computation in SpatiaLite SQL through its spatial indexes.
# Not part of `make test`.
#
# usage: bench/breach/run.sh [WORKDIR] [PLOTS]
# needs: a built redline-cli ($REDLINE_CLI, default build/src/cli/redline-cli), GDAL headers,
#        spatialite, QGIS (apt-get install qgis python3-qgis).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=${1:-/tmp/redline-bench-breach}
plots=${2:-50000}
cli=${REDLINE_CLI:-$root/build/src/cli/redline-cli}
mkdir -p "$work"
now() { date +%s.%N; }
# Wall and CPU seconds of a command (CPU shows the work even on a loaded machine).
timed() {
    local label=$1
    shift
    /usr/bin/time -f "${label}_wall_s %e ${label}_cpu_s %U+%S" "$@"
}

echo "== machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== building the GDAL reader"
c++ -O2 -std=c++17 $(gdal-config --cflags) -o "$work/gdal_read" "$here/gdal_read.cpp" -lgdal

echo "== data: generated town, $plots plots"
ws="$work/city_$plots.sqlite"
if [ ! -s "$ws" ]; then
    "$cli" city "$ws" --plots "$plots" --seed 1
fi
layers="city_buildings city_baseline city_curtilages city_applications"

echo "== GDAL: read the inputs"
"$work/gdal_read" "$ws" $layers | tee "$work/gdal.txt"

echo "== Redline: redline-cli check (all cores, then 1 thread)"
cp "$ws" "$work/check.sqlite"
timed redline "$cli" check "$work/check.sqlite" --as-of 2026-11-01 --out "$work/findings.gpkg" \
    2>&1 >"$work/redline.txt" | tee "$work/redline_time.txt"
head -1 "$work/redline.txt"
cp "$ws" "$work/check1.sqlite"
timed redline_1thread "$cli" check "$work/check1.sqlite" --as-of 2026-11-01 --threads 1 \
    --out "$work/findings1.gpkg" 2>&1 >/dev/null | tee -a "$work/redline_time.txt"

echo "== SpatiaLite SQL"
cp "$ws" "$work/spatialite.sqlite"
timed spatialite spatialite "$work/spatialite.sqlite" <"$here/spatialite_breach.sql" \
    2>&1 | grep -E "pieces|rows|^[0-9]+$|_s " | tee "$work/spatialite.txt"

echo "== QGIS (PyQGIS processing)"
export QT_QPA_PLATFORM=offscreen
export XDG_RUNTIME_DIR="$work/xdg"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
cp "$ws" "$work/qgis.sqlite"
# The unindexed joins are quadratic: give up after QGIS_TIMEOUT seconds (the indexed figure is
# printed first) and report the time as a lower bound.
t0=$(now)
timeout "${QGIS_TIMEOUT:-3600}" /usr/bin/python3 "$here/qgis_breach.py" "$work/qgis.sqlite" \
    "$work/qgis" 2>/dev/null | grep qgis_ | tee "$work/qgis.txt" || true
grep -q qgis_unindexed "$work/qgis.txt" ||
    echo "qgis_unindexed_s >$(echo "$(now) - $t0" | bc) (stopped)" | tee -a "$work/qgis.txt"
