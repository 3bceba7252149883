#version 330 core
// The heat surface as one textured quad over its grid. Positions are metres from the local origin.
layout(location = 0) in vec2 a_position;
layout(location = 1) in vec2 a_uv;

uniform vec2 u_centre;
uniform float u_px_per_m;
uniform vec2 u_viewport_px;

out vec2 v_uv;

void main() {
    vec2 px = (a_position - u_centre) * u_px_per_m;
    gl_Position = vec4(px / (0.5 * u_viewport_px), 0.0, 1.0);
    v_uv = a_uv;
}
