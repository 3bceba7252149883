#!/usr/bin/env bash
# Viewer benchmark (issue #3 item 6): 10k, 100k and 1M building polygons generated as GeoPackages,
# imported with redline-cli, then read, triangulated and drawn (EGL off-screen, 1200x800, panning
# and zooming) by the viewer's own code; GDAL's bare read of the same file is the baseline.
# Not part of `make test`. Results go to docs/benchmarks.md ("Viewer").
#
# usage: bench/viewer/run.sh [BUILD_DIR] [WORKDIR] [SIZES...]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/build}
work=${2:-/tmp/redline-bench-viewer}
shift $(( $# > 2 ? 2 : $# )) || true
sizes=${*:-10000 100000 1000000}
mkdir -p "$work"

cmake --build "$build" --target redline_viewer_bench redline-cli
bench="$build/src/app/redline_viewer_bench"
cli="$build/src/cli/redline-cli"

for n in $sizes; do
    echo "== $n buildings"
    gpkg="$work/buildings_$n.gpkg"
    ws="$work/ws_$n.redline"
    [ -s "$gpkg" ] || "$bench" generate "$gpkg" "$n"
    if [ ! -s "$ws" ]; then
        "$cli" init "$ws" >/dev/null
        "$cli" import "$ws" "$gpkg" --as building --name buildings >/dev/null
    fi
    # Warm the page cache for both readers alike, then time each.
    cat "$gpkg" "$ws" >/dev/null
    "$bench" gdal-read "$gpkg"
    /usr/bin/time -f "ogrinfo_al_q_s=%e" ogrinfo -al -q "$gpkg" >/dev/null
    frames=$(( n >= 1000000 ? 20 : 60 ))
    "$bench" viewer "$ws" buildings "$frames"
done

# The heat layer (issue #6): a bandwidth change, a filter change and a pan over N complaint points
# in a 60 x 40 km county (the acceptance target is a bandwidth redraw under 50 ms at 1M on a GPU).
for n in 100000 1000000; do
    echo "== heat layer, $n complaints"
    "$bench" heat "$n" 10
done
