#pragma once

#include "core/geometry.hpp"
#include "print/paper.hpp"

#include <string>
#include <vector>

namespace redline::print {

/// A point on the page in millimetres from the top-left corner, y down.
struct PaperPoint {
    double x = 0;
    double y = 0;
};

/// The map window on a page: a rectangle in millimetres showing the ground around `centre`
/// (EPSG:27700 metres) at 1:`scale`, grid north up. At 1:N one millimetre of paper is N
/// millimetres of ground, so the transform is a pure scaling by 1000 / N mm per metre and a
/// translation: no rounding, no fitting, which is what makes a printed map true to scale.
/// A value type.
class MapFrame {
public:
    MapFrame() = default;
    MapFrame(RectMm rect_mm, core::Coord centre, double scale);

    const RectMm& rect() const { return m_rect; }
    core::Coord centre() const { return m_centre; }
    double scale() const { return m_scale; }
    /// Paper millimetres per ground metre: 1000 / scale.
    double mm_per_metre() const { return 1000.0 / m_scale; }

    /// EPSG:27700 to the page (mm, y down).
    PaperPoint to_paper(core::Coord c) const;
    /// The page (mm) to EPSG:27700.
    core::Coord to_ground(PaperPoint p) const;
    /// The ground inside the frame (EPSG:27700).
    core::Envelope ground_bounds() const;

    /// Spacing of the BNG grid ticks in metres: the smallest 1, 2 or 5 x 10^k metres that puts
    /// ticks at least `min_gap_mm` apart on paper.
    double grid_interval_m(double min_gap_mm = 25) const;
    /// Eastings (x) or northings (y) of the grid lines inside the frame, ascending, multiples of
    /// `interval_m`.
    std::vector<double> grid_eastings(double interval_m) const;
    std::vector<double> grid_northings(double interval_m) const;

private:
    RectMm m_rect;
    core::Coord m_centre{};
    double m_scale = 500;
};

/// A scale bar: `length_m` of ground (1, 2 or 5 x 10^k metres, in `segments` equal parts) drawn
/// `length_mm` long, and its end label ("20 m").
struct PrintScaleBar {
    double length_m = 0;
    double length_mm = 0;
    int segments = 4;
    std::string label;
};

/// The longest 1/2/5 x 10^k metre bar no longer than `max_mm` on paper at 1:`scale`.
PrintScaleBar choose_print_scale_bar(double scale, double max_mm);

/// "1:1,250" for a scale denominator.
std::string format_scale_text(double scale);

} // namespace redline::print
