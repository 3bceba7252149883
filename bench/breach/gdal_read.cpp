// The GDAL baseline of the breach benchmark: read every feature (attributes and geometry, as WKB)
// of the named layers of a dataset, the least any tool must do before computing anything.
// usage: gdal_read DATASET LAYER...
#include <gdal.h>
#include <ogr_api.h>

#include <chrono>
#include <cstdio>
#include <vector>

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: gdal_read DATASET LAYER...\n");
        return 2;
    }
    const auto t0 = std::chrono::steady_clock::now();
    GDALAllRegister();
    GDALDatasetH ds =
        GDALOpenEx(argv[1], GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr);
    if (!ds) {
        std::fprintf(stderr, "cannot open %s\n", argv[1]);
        return 1;
    }
    long features = 0, bytes = 0;
    std::vector<unsigned char> wkb;
    for (int i = 2; i < argc; ++i) {
        OGRLayerH layer = GDALDatasetGetLayerByName(ds, argv[i]);
        if (!layer) {
            std::fprintf(stderr, "no layer %s\n", argv[i]);
            return 1;
        }
        OGR_L_ResetReading(layer);
        while (OGRFeatureH f = OGR_L_GetNextFeature(layer)) {
            if (OGRGeometryH g = OGR_F_GetGeometryRef(f)) {
                wkb.resize(static_cast<std::size_t>(OGR_G_WkbSize(g)));
                OGR_G_ExportToWkb(g, wkbNDR, wkb.data());
                bytes += static_cast<long>(wkb.size());
            }
            ++features;
            OGR_F_Destroy(f);
        }
    }
    GDALClose(ds);
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("gdal_read_s %.3f features %ld wkb_bytes %ld\n", s, features, bytes);
    return 0;
}
