#include "scene/triangulator.hpp"

#include <gtest/gtest.h>

#include <cmath>

using namespace redline;

namespace {

core::Path square(double x0, double y0, double size, bool ccw = true) {
    core::Path p{{x0, y0}, {x0 + size, y0}, {x0 + size, y0 + size}, {x0, y0 + size}, {x0, y0}};
    if (!ccw)
        std::reverse(p.begin(), p.end());
    return p;
}

} // namespace

TEST(Triangulator, SquareMakesTwoTriangles) {
    scene::TriangleMesh mesh;
    scene::triangulate({{square(530000, 180000, 10)}}, mesh);
    EXPECT_EQ(mesh.triangle_count(), 2u);
    EXPECT_NEAR(scene::mesh_area(mesh), 100.0, 1e-9);
}

TEST(Triangulator, OrientationDoesNotMatter) {
    scene::TriangleMesh mesh;
    scene::triangulate({{square(0, 0, 10, false)}}, mesh);
    EXPECT_NEAR(scene::mesh_area(mesh), 100.0, 1e-9);
}

TEST(Triangulator, ConcaveLShapeKeepsItsArea) {
    // An L-shaped extension footprint: 6 vertices, 4 triangles, area 75 m2.
    core::Path l{{0, 0}, {10, 0}, {10, 5}, {5, 5}, {5, 10}, {0, 10}, {0, 0}};
    scene::TriangleMesh mesh;
    scene::triangulate({{l}}, mesh);
    EXPECT_EQ(mesh.triangle_count(), 4u);
    EXPECT_NEAR(scene::mesh_area(mesh), 75.0, 1e-9);
}

TEST(Triangulator, HolesAreCutOut) {
    core::Polygon p{{square(0, 0, 100), square(10, 10, 20, false), square(60, 60, 10, true)}};
    scene::TriangleMesh mesh;
    scene::triangulate(p, mesh);
    EXPECT_NEAR(scene::mesh_area(mesh), 10000.0 - 400.0 - 100.0, 1e-6);
}

TEST(Triangulator, HolesSharingAnXCoordinate) {
    core::Polygon p{{square(0, 0, 100), square(20, 10, 10), square(20, 50, 10)}};
    scene::TriangleMesh mesh;
    scene::triangulate(p, mesh);
    EXPECT_NEAR(scene::mesh_area(mesh), 10000.0 - 200.0, 1e-6);
}

TEST(Triangulator, ManyVertexCircleWithBngCoordinates) {
    core::Path ring;
    for (int i = 0; i <= 720; ++i) {
        const double a = 2 * M_PI * (i % 720) / 720.0;
        ring.push_back({533000 + 50 * std::cos(a), 179000 + 50 * std::sin(a)});
    }
    scene::TriangleMesh mesh;
    scene::triangulate({{ring}}, mesh);
    EXPECT_EQ(mesh.triangle_count(), 718u);
    EXPECT_NEAR(scene::mesh_area(mesh), std::abs(core::signed_ring_area(ring)), 1e-3);
}

TEST(Triangulator, DegenerateInputTerminates) {
    scene::TriangleMesh mesh;
    scene::triangulate({{{{0, 0}, {1, 1}, {2, 2}, {0, 0}}}}, mesh); // collinear
    scene::triangulate({{{{0, 0}, {1, 0}}}}, mesh);                 // too few
    scene::triangulate({}, mesh);
    EXPECT_EQ(mesh.triangle_count(), 0u);
    // A bow-tie (self-intersecting) still ends with some triangles.
    scene::triangulate({{{{0, 0}, {10, 10}, {10, 0}, {0, 10}, {0, 0}}}}, mesh);
    SUCCEED();
}

TEST(Triangulator, AppendsWithOffsets) {
    scene::TriangleMesh mesh;
    scene::triangulate({{square(0, 0, 1)}}, mesh);
    scene::triangulate({{square(5, 5, 2)}}, mesh);
    EXPECT_EQ(mesh.triangle_count(), 4u);
    for (auto i : mesh.indices)
        EXPECT_LT(i, mesh.vertices.size());
    EXPECT_NEAR(scene::mesh_area(mesh), 5.0, 1e-9);
}
