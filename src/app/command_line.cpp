#include "app/command_line.hpp"

#include "core/error.hpp"
#include "core/text.hpp"

#include <cstdio>

namespace redline::app {

const char* usage_text() {
    return "usage: redline [WORKSPACE] [--screenshot OUT.png] [--view E,N,SCALE] [--size WxH]\n"
           "               [--layers a,b,...] [--select QUERY] [--no-furniture]\n"
           "               [--basemap FILE]... [--window-screenshot OUT.png] [--tab NAME]\n"
           "               [--finding CODE] [--heat BANDWIDTH_M] [--heat-from DATE]\n"
           "               [--heat-to DATE] [--heat-category C]... [--heat-status S]...\n"
           "               [--gistar BAND_M,CELL_M[,hex][,fdr]] [--as-of DATE]\n"
           "               [--dashboard-png OUT.png]\n"
           "               [--case REF [--form stage|evidence]] [--complaint-at E,N[,open-case]]\n"
           "               [--plan ID[,OPACITY]] [--measurement ID]\n"
           "Without --screenshot, opens the viewer window. With it, renders one frame off-screen\n"
           "(EGL surfaceless, or the X display when EGL is unavailable) and exits.\n"
           "--basemap adds a raster basemap (GeoTIFF, PNG/JPEG + world file, GDAL WMS XML).\n"
           "--window-screenshot saves the whole window once loaded, then exits.\n"
           "--case selects a case once loaded; --form opens its Record stage or Evidence pack "
           "form.\n"
           "--complaint-at opens the Add complaint form for that point (with \"Open a new case\"\n"
           "ticked when ,open-case is given), as a click on the map in Add complaint mode.\n"
           "--plan shows a workspace plan through its current calibration; --measurement draws\n"
           "a saved measurement with its value and uncertainty.\n"
           "--heat-* filter the complaints of the heat surface and of --gistar (dates inclusive).\n"
           "--gistar shows Getis-Ord Gi* hot and cold spots of square (or hex) cells.\n"
           "--dashboard-png saves the Dashboard tab (as of --as-of, default today), then exits.\n";
}

CommandLine parse_command_line(int argc, char** argv) {
    CommandLine c;
    auto value = [&](int& i, const std::string& name) -> std::string {
        if (i + 1 >= argc)
            throw core::UsageError("missing value after " + name);
        return argv[++i];
    };
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--help" || a == "-h") {
            c.help = true;
        } else if (a == "--screenshot") {
            c.screenshot = value(i, a);
        } else if (a == "--view") {
            const auto parts = core::split(value(i, a), ',');
            double e = 0, n = 0, s = 0;
            if (parts.size() != 3 || !core::parse_double(parts[0], e) ||
                !core::parse_double(parts[1], n) || !core::parse_double(parts[2], s) || s <= 0)
                throw core::UsageError("--view takes E,N,SCALE (EPSG:27700 metres and 1:N), e.g. "
                                       "533000,179500,1250");
            c.centre_e = e;
            c.centre_n = n;
            c.scale = s;
        } else if (a == "--size") {
            const std::string v = value(i, a);
            if (std::sscanf(v.c_str(), "%dx%d", &c.width_px, &c.height_px) != 2 ||
                c.width_px < 16 || c.height_px < 16 || c.width_px > 8192 || c.height_px > 8192)
                throw core::UsageError("--size takes WxH in pixels (16..8192), e.g. 1200x800");
        } else if (a == "--layers") {
            c.layers = core::split(value(i, a), ',');
        } else if (a == "--select") {
            c.select = value(i, a);
        } else if (a == "--basemap") {
            c.basemaps.push_back(value(i, a));
        } else if (a == "--window-screenshot") {
            c.window_screenshot = value(i, a);
        } else if (a == "--finding") {
            c.finding = value(i, a);
        } else if (a == "--heat") {
            double r = 0;
            if (!core::parse_double(value(i, a), r) || r <= 0)
                throw core::UsageError("--heat takes a bandwidth in metres, e.g. 150");
            c.heat_m = r;
        } else if (a == "--heat-from" || a == "--heat-to" || a == "--as-of") {
            const std::string v = value(i, a);
            const auto d = core::Date::parse(v);
            if (!d)
                throw core::UsageError(a + " takes a date YYYY-MM-DD, not '" + v + "'");
            if (a == "--heat-from")
                c.heat_filter.from = d;
            else if (a == "--heat-to")
                c.heat_filter.to = d;
            else
                c.as_of = d;
        } else if (a == "--heat-category") {
            c.heat_filter.categories.push_back(value(i, a));
        } else if (a == "--heat-status") {
            c.heat_filter.statuses.push_back(value(i, a));
        } else if (a == "--gistar") {
            const auto parts = core::split(value(i, a), ',');
            scene::GistarSettings g;
            bool ok = parts.size() >= 2 && core::parse_double(parts[0], g.band_m) &&
                      core::parse_double(parts[1], g.cell_m) && g.band_m > 0 && g.cell_m > 0;
            for (std::size_t k = 2; ok && k < parts.size(); ++k) {
                if (parts[k] == "hex")
                    g.hex = true;
                else if (parts[k] == "fdr")
                    g.fdr = true;
                else
                    ok = false;
            }
            if (!ok)
                throw core::UsageError(
                    "--gistar takes BAND_M,CELL_M[,hex][,fdr], e.g. 600,150,hex");
            c.gistar = g;
        } else if (a == "--dashboard-png") {
            c.dashboard_png = value(i, a);
        } else if (a == "--tab") {
            c.tab = value(i, a);
        } else if (a == "--case") {
            c.select_case = value(i, a);
        } else if (a == "--form") {
            c.form = value(i, a);
            if (*c.form != "stage" && *c.form != "evidence")
                throw core::UsageError("--form takes stage or evidence");
        } else if (a == "--complaint-at") {
            const std::string v = value(i, a);
            const auto parts = core::split(v, ',');
            core::Coord at;
            const bool ok = (parts.size() == 2 || (parts.size() == 3 && parts[2] == "open-case")) &&
                            core::parse_double(parts[0], at.x) &&
                            core::parse_double(parts[1], at.y);
            if (!ok)
                throw core::UsageError("--complaint-at takes E,N (EPSG:27700 metres) and "
                                       "optionally ,open-case, e.g. 533000,179000,open-case");
            c.complaint_at = at;
            c.complaint_opens_case = parts.size() == 3;
        } else if (a == "--plan") {
            const auto parts = core::split(value(i, a), ',');
            double id = 0, opacity = 0.6;
            if (parts.empty() || parts.size() > 2 || !core::parse_double(parts[0], id) || id < 1 ||
                id != double(static_cast<long long>(id)) ||
                (parts.size() == 2 &&
                 (!core::parse_double(parts[1], opacity) || opacity < 0 || opacity > 1)))
                throw core::UsageError("--plan takes a plan id and an optional opacity 0..1, "
                                       "e.g. 1,0.6");
            c.plan = static_cast<long long>(id);
            c.plan_opacity = static_cast<float>(opacity);
        } else if (a == "--measurement") {
            double id = 0;
            if (!core::parse_double(value(i, a), id) || id < 1 ||
                id != double(static_cast<long long>(id)))
                throw core::UsageError("--measurement takes a saved measurement's id, e.g. 1");
            c.measurement = static_cast<long long>(id);
        } else if (a == "--no-furniture") {
            c.furniture = false;
        } else if (!a.empty() && a[0] == '-') {
            throw core::UsageError("unknown option " + a);
        } else if (!c.workspace) {
            c.workspace = a;
        } else {
            throw core::UsageError("more than one workspace given");
        }
    }
    if (c.form && !c.select_case)
        throw core::UsageError("--form needs --case REF");
    if (c.gistar)
        c.gistar->filter = c.heat_filter;
    if (c.screenshot && !c.workspace)
        throw core::UsageError("--screenshot needs a WORKSPACE");
    return c;
}

} // namespace redline::app
