#version 330 core
// One quad per point (instanced), covering its kernel's disc on the density grid. Positions are
// metres from the grid's south-west corner.
layout(location = 0) in vec2 a_corner; // -1 or 1
layout(location = 1) in vec2 a_point;
layout(location = 2) in float a_weight;

uniform float u_radius_m;
uniform float u_cell_m;
uniform vec2 u_grid_m; // grid width and height in metres

flat out vec2 v_point;
flat out float v_weight;

void main() {
    // One cell of margin so that every cell centre within the radius is rasterised.
    vec2 p = a_point + a_corner * (u_radius_m + u_cell_m);
    gl_Position = vec4(p / u_grid_m * 2.0 - 1.0, 0.0, 1.0);
    v_point = a_point;
    v_weight = a_weight;
}
