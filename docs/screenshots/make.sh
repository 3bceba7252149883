#!/usr/bin/env bash
# Regenerate the demo screenshots in docs/screenshots/ from a fresh demo workspace, with the
# commands the docs quote. Needs a build (BUILD, default build/) and xvfb-run for the window shots.
# Look at every image before committing it.
#
# usage: docs/screenshots/make.sh [BUILD]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build}
out=$root/docs/screenshots
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cli=$build/src/cli/redline-cli
viewer=$build/src/app/redline
ws=$work/demo.redline
"$cli" demo "$ws" >/dev/null
"$cli" check "$ws" --as-of 2026-11-01 --out "$work/check.json" >/dev/null
win() { xvfb-run -a -s "-screen 0 1600x1000x24" "$viewer" "$ws" --window-screenshot "$@"; }

# The map alone, headless (EGL).
"$viewer" "$ws" --screenshot "$out/demo-road-1250.png" --view 532060,179290,1250 --size 1000x640
"$viewer" "$ws" --screenshot "$out/demo-road-selected.png" --select DEMO/25/0101 --size 1000x640
"$viewer" "$ws" --screenshot "$out/plan-calibrated-demo.png" --plan 1,0.6 --size 1200x800
"$viewer" "$ws" --screenshot "$out/plan-measurement.png" --plan 1,0.45 --measurement 1 \
    --size 1200x800
"$viewer" "$ws" --screenshot "$out/map-gistar-1250.png" --gistar 40,15,hex \
    --view 532030,179280,1250 --size 900x600

# The whole window (panels too), under Xvfb.
win "$out/window-complaint-found.png" --tab "Complaints & cases" --select CMP/26/0009
win "$out/window-finding.png" --tab Findings --finding pd-rear-depth
win "$out/window-workload.png" --tab Workload --case ENF/26/0012 --as-of 2026-11-01
win "$out/window-stage-form.png" --tab Workload --case ENF/26/0009 --form stage --as-of 2026-11-01
win "$out/window-plans.png" --tab Plans --plan 1
# 3 Demo Road has no case: the Add complaint form with "Open a new case" ticked.
win "$out/window-complaint-open-case.png" --tab "Complaints & cases" \
    --view 532000,179290,1250 --complaint-at 531919.9,179288.2,open-case
hot="--view 532060,179290,2000 --as-of 2026-11-01 --tab Hotspots"
win "$out/window-hotspots.png" $hot --heat 60
win "$out/window-hotspots-heat.png" $hot --heat 60 --heat-category extension
win "$out/window-gistar.png" $hot --gistar 40,15,hex
xvfb-run -a -s "-screen 0 1600x1000x24" "$viewer" "$ws" --dashboard-png "$out/dashboard.png" \
    --as-of 2026-11-01
echo "screenshots written to $out - look at each before committing"
