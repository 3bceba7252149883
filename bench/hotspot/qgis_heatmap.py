#!/usr/bin/python3
"""QGIS 3.22's heatmap (qgis:heatmapkerneldensityestimation) run in-process through PyQGIS,
timed around processing.run only (QGIS start-up excluded). Quartic kernel, raw output.
usage: qgis_heatmap.py POINTS.gpkg OUT.tif RADIUS PIXEL"""
import sys
import time

from qgis.core import QgsApplication, QgsProcessingFeedback

points, out, radius, pixel = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4])
QgsApplication.setPrefixPath("/usr", True)
app = QgsApplication([], False)
app.initQgis()
sys.path.append("/usr/share/qgis/python/plugins")
import processing  # noqa: E402
from processing.core.Processing import Processing  # noqa: E402

Processing.initialize()
t0 = time.perf_counter()
processing.run("qgis:heatmapkerneldensityestimation",
               {"INPUT": points, "RADIUS": radius, "PIXEL_SIZE": pixel, "KERNEL": 0,
                "OUTPUT_VALUE": 0, "DECAY": 0, "OUTPUT": out},
               feedback=QgsProcessingFeedback())
print(f"qgis_pyqgis_s {time.perf_counter() - t0:.3f}")
app.exitQgis()
