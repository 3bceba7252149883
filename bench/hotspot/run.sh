#!/usr/bin/env bash
# Hotspot benchmark: Redline's kernel density and Gi* against QGIS 3.22's heatmap
# (qgis:heatmapkerneldensityestimation), in-process through PyQGIS and through qgis_process.bin,
# on the same 1,000,000 deterministic points in the same run. Not part of `make test`.
#
# usage: bench/hotspot/run.sh [WORKDIR] [N_POINTS]
# needs: cmake, ninja, a C++20 compiler, GDAL tools, and QGIS (apt-get install qgis python3-qgis).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=${1:-/tmp/redline-bench-hotspot}
n=${2:-1000000}
radius=300
cell=25
mkdir -p "$work"

echo "== building the benchmark (-O2) from the sources it needs"
# Compiled directly rather than through the project's CMake, so the benchmark does not wait for
# (or break on) unrelated modules; the flags match a Release build's optimisation level.
if [ ! -x "$work/hotspot_bench" ] || [ -n "$(find "$root/src/analysis" "$root/src/io" "$root/src/core" "$here" -newer "$work/hotspot_bench" -name '*.[ch]pp' | head -1)" ]; then
    c++ -std=c++20 -O2 -DNDEBUG -I"$root/src" $(gdal-config --cflags) -o "$work/hotspot_bench" "$here/hotspot_bench.cpp" \
        "$root"/src/analysis/{kde,cell_grid,hex_grid,gistar,hotspot_sites}.cpp \
        "$root"/src/io/raster_writer.cpp "$root"/src/core/{error,progress,text,geometry,feature}.cpp \
        -lgdal -pthread
fi

echo "== data: $n points"
if [ ! -s "$work/points_$n.csv" ]; then
    python3 "$here/make_points.py" "$n" "$work/points_$n.csv"
fi
if [ ! -s "$work/points_$n.gpkg" ]; then
    ogr2ogr -f GPKG "$work/points_$n.gpkg" "$work/points_$n.csv" -oo X_POSSIBLE_NAMES=x \
        -oo Y_POSSIBLE_NAMES=y -a_srs EPSG:27700 -nln points
fi

now() { date +%s.%N; }
export QT_QPA_PLATFORM=offscreen
export XDG_RUNTIME_DIR="$work/xdg"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"

echo "== Redline"
"$work/hotspot_bench" "$work/points_$n.csv" "$work/redline.tif" "$radius" "$cell" | tee "$work/redline.txt"

echo "== QGIS in-process (PyQGIS)"
rm -f "$work/qgis_py.tif"
/usr/bin/python3 "$here/qgis_heatmap.py" "$work/points_$n.gpkg" "$work/qgis_py.tif" "$radius" "$cell" \
    2>/dev/null | grep qgis_pyqgis_s | tee "$work/qgis_py.txt"

echo "== QGIS qgis_process.bin"
rm -f "$work/qgis_proc.tif"
t0=$(now)
/usr/bin/qgis_process.bin run qgis:heatmapkerneldensityestimation -- \
    INPUT="$work/points_$n.gpkg" RADIUS=$radius PIXEL_SIZE=$cell KERNEL=0 OUTPUT_VALUE=0 DECAY=0 \
    OUTPUT="$work/qgis_proc.tif" >/dev/null 2>&1
t1=$(now)
echo "qgis_process_s $(echo "$t1 - $t0" | bc)" | tee "$work/qgis_proc.txt"

echo "== agreement"
python3 "$here/compare.py" "$work/redline.tif" "$work/qgis_py.tif" "$work/points_$n.csv" "$radius" \
    | tee "$work/compare.txt"

val() { awk -v k="$1" '$1 == k { print $2 }' "$2"; }
kde=$(val kde_s "$work/redline.txt")
kde1=$(val kde_1thread_s "$work/redline.txt")
rd=$(val read_csv_s "$work/redline.txt")
wr=$(val geotiff_write_s "$work/redline.txt")
e2e=$(echo "$rd + $kde + $wr" | bc)
py=$(val qgis_pyqgis_s "$work/qgis_py.txt")
qp=$(val qgis_process_s "$work/qgis_proc.txt")
echo
echo "== KDE, $n points, radius $radius m, cell $cell m, quartic, raw ($(nproc) cores: $(lscpu | awk -F: '/Model name/ {gsub(/^ +/, "", $2); print $2; exit}'))"
printf "%-48s %10s %10s\n" "run" "seconds" "QGIS/this"
printf "%-48s %10.2f %10s\n" "QGIS 3.22 qgis_process.bin (incl. start-up)" "$qp" "-"
printf "%-48s %10.2f %10s\n" "QGIS 3.22 PyQGIS processing.run" "$py" "1.0"
printf "%-48s %10.2f %10.1f\n" "Redline read CSV + KDE + GeoTIFF write" "$e2e" "$(echo "$py / $e2e" | bc -l)"
printf "%-48s %10.2f %10.1f\n" "Redline KDE only, all threads" "$kde" "$(echo "$py / $kde" | bc -l)"
printf "%-48s %10.2f %10.1f\n" "Redline KDE only, 1 thread" "$kde1" "$(echo "$py / $kde1" | bc -l)"
echo "Gi*: $(val gistar_cells "$work/redline.txt") cells, aggregate $(val gistar_aggregate_s "$work/redline.txt") s, Gi* + FDR $(val gistar_s "$work/redline.txt") s"
