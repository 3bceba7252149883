#version 330 core
// One quad per point (instanced), covering its kernel's disc on the density grid. Positions are
// uploaded once per point set, in metres from the set's own origin; u_offset_m moves them to the
// grid's south-west corner, so a new bandwidth (a new grid) needs no new upload.
layout(location = 0) in vec2 a_corner; // -1 or 1
layout(location = 1) in vec2 a_point;
layout(location = 2) in float a_weight;

uniform float u_radius_m;
uniform float u_cell_m;
uniform vec2 u_grid_m; // grid width and height in metres
uniform vec2 u_offset_m; // the grid corner minus the points' origin, metres

flat out vec2 v_point;
flat out float v_weight;

void main() {
    // One cell of margin so that every cell centre within the radius is rasterised.
    vec2 point = a_point - u_offset_m;
    vec2 p = point + a_corner * (u_radius_m + u_cell_m);
    gl_Position = vec4(p / u_grid_m * 2.0 - 1.0, 0.0, 1.0);
    v_point = point;
    v_weight = a_weight;
}
