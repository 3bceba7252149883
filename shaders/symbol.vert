#version 330 core
// Point symbols: a screen-aligned quad per point, its shape cut out in the fragment shader.
layout(location = 0) in vec2 a_position; // metres from the local origin
layout(location = 1) in vec2 a_corner;   // (-1..1, -1..1)
layout(location = 2) in vec4 a_fill;
layout(location = 3) in vec4 a_outline;
layout(location = 4) in vec3 a_params;   // size px, outline px, shape (0 circle 1 square 2 triangle 3 diamond)

uniform vec2 u_centre;
uniform float u_px_per_m;
uniform vec2 u_viewport_px;
uniform float u_opacity;

out vec2 v_local_px;
flat out vec4 v_fill;
flat out vec4 v_outline;
flat out vec3 v_params;

void main() {
    float half_extent = 0.5 * a_params.x + 1.0;
    v_local_px = a_corner * half_extent;
    v_fill = vec4(a_fill.rgb, a_fill.a * u_opacity);
    v_outline = vec4(a_outline.rgb, a_outline.a * u_opacity);
    v_params = a_params;
    vec2 px = (a_position - u_centre) * u_px_per_m + v_local_px;
    gl_Position = vec4(px / (0.5 * u_viewport_px), 0.0, 1.0);
}
