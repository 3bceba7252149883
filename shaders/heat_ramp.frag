#version 330 core
// Colours the density by a ramp (transparent, yellow, orange, deep red) relative to the surface's
// peak, so the hottest place is always the darkest whatever the bandwidth.
uniform sampler2D u_density; // R32F
uniform float u_peak;
uniform float u_opacity;

in vec2 v_uv;
out vec4 o_colour;

void main() {
    float t = clamp(texture(u_density, v_uv).r / max(u_peak, 1e-12), 0.0, 1.0);
    if (t < 0.02)
        discard;
    vec3 c = t < 0.5 ? mix(vec3(1.0, 0.93, 0.35), vec3(0.98, 0.55, 0.12), t * 2.0)
                     : mix(vec3(0.98, 0.55, 0.12), vec3(0.70, 0.0, 0.08), (t - 0.5) * 2.0);
    o_colour = vec4(c, u_opacity * (0.25 + 0.55 * t));
}
