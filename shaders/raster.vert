#version 330 core
// Basemap tiles: textured quads. Positions are metres relative to the scene's local origin.
layout(location = 0) in vec2 a_position;
layout(location = 1) in vec2 a_uv;

uniform vec2 u_centre;      // view centre, metres from the local origin
uniform float u_px_per_m;   // screen pixels per ground metre
uniform vec2 u_viewport_px; // framebuffer size in pixels

out vec2 v_uv;

void main() {
    vec2 px = (a_position - u_centre) * u_px_per_m;
    gl_Position = vec4(px / (0.5 * u_viewport_px), 0.0, 1.0);
    v_uv = a_uv;
}
