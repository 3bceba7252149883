#version 330 core
uniform vec4 u_colour;
uniform float u_dash_px; // 0 = solid
uniform float u_gap_px;

in float v_distance_px;
out vec4 o_colour;

void main() {
    if (u_dash_px > 0.0 && mod(v_distance_px, u_dash_px + u_gap_px) > u_dash_px)
        discard;
    o_colour = u_colour;
}
