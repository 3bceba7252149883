"""QGIS peer of the breach benchmark: the core computation of the breach check - current buildings
minus the baseline survey, then joined to the curtilages and to the red lines they fall in - with
QGIS 3.22 processing algorithms, in-process through PyQGIS.

usage: /usr/bin/python3 qgis_breach.py WORKSPACE.sqlite OUTDIR
Prints qgis_unindexed_s (joins on the unindexed intermediate layer, as a user would chain the
tools) and qgis_indexed_s (native:createspatialindex first, QGIS at its best), plus the number of
pieces so the result can be compared with Redline's development count.
"""
import os
import sys
import time

from qgis.core import QgsApplication, QgsProcessingFeedback, QgsVectorLayer

QgsApplication.setPrefixPath("/usr", True)
app = QgsApplication([], False)
app.initQgis()
sys.path.append("/usr/share/qgis/python/plugins")
import processing  # noqa: E402
from processing.core.Processing import Processing  # noqa: E402

Processing.initialize()
from qgis.analysis import QgsNativeAlgorithms  # noqa: E402

QgsApplication.processingRegistry().addProvider(QgsNativeAlgorithms())

ws, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)


def layer(name):
    lyr = QgsVectorLayer(f"{ws}|layername={name}", name, "ogr")
    if not lyr.isValid():
        raise SystemExit(f"cannot open {name} in {ws}")
    return lyr


def run(indexed):
    feedback = QgsProcessingFeedback()
    t0 = time.perf_counter()
    buildings, baseline = layer("city_buildings"), layer("city_baseline")
    curtilages, red_lines = layer("city_curtilages"), layer("city_applications")
    diff = processing.run("native:difference", {"INPUT": buildings, "OVERLAY": baseline,
                                                 "OUTPUT": "TEMPORARY_OUTPUT"},
                          feedback=feedback)["OUTPUT"]
    parts = processing.run("native:multiparttosingleparts", {"INPUT": diff,
                                                             "OUTPUT": "TEMPORARY_OUTPUT"},
                           feedback=feedback)["OUTPUT"]
    if indexed:
        processing.run("native:createspatialindex", {"INPUT": parts}, feedback=feedback)
    joined = processing.run("native:joinattributesbylocation", {
        "INPUT": parts, "JOIN": curtilages, "PREDICATE": [0], "JOIN_FIELDS": ["uprn"],
        "METHOD": 2, "DISCARD_NONMATCHING": False, "OUTPUT": "TEMPORARY_OUTPUT"},
        feedback=feedback)["OUTPUT"]
    if indexed:
        processing.run("native:createspatialindex", {"INPUT": joined}, feedback=feedback)
    covered = processing.run("native:joinattributesbylocation", {
        "INPUT": joined, "JOIN": red_lines, "PREDICATE": [0], "JOIN_FIELDS": ["reference"],
        "METHOD": 0, "DISCARD_NONMATCHING": False, "PREFIX": "app_",
        "OUTPUT": "TEMPORARY_OUTPUT"}, feedback=feedback)["OUTPUT"]
    elapsed = time.perf_counter() - t0
    return elapsed, parts.featureCount(), covered.featureCount()


for indexed in (True, False):
    s, pieces, rows = run(indexed)
    print(f"qgis_{'indexed' if indexed else 'unindexed'}_s {s:.3f} pieces {pieces} rows {rows}",
          flush=True)
app.exitQgis()
