#version 330 core
// Lines of constant pixel width: each vertex is pushed sideways by a_offset (a unit normal scaled
// by the miter length) times half the width, after the projection, so width never depends on scale.
layout(location = 0) in vec2 a_position; // metres from the local origin
layout(location = 1) in vec2 a_offset;   // miter vector (length >= 1) in screen axes, y up
layout(location = 2) in float a_distance; // metres along the line, for dashes

uniform vec2 u_centre;
uniform float u_px_per_m;
uniform vec2 u_viewport_px;
uniform float u_width_px;

out float v_distance_px;

void main() {
    vec2 px = (a_position - u_centre) * u_px_per_m + a_offset * (0.5 * u_width_px);
    v_distance_px = a_distance * u_px_per_m;
    gl_Position = vec4(px / (0.5 * u_viewport_px), 0.0, 1.0);
}
