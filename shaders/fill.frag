#version 330 core
// A flat tint, optionally crossed by hatch lines fixed to the screen so that their spacing reads
// the same at every scale.
uniform vec4 u_colour;
uniform vec4 u_hatch_colour;
uniform float u_hatch_spacing_px; // 0 = no hatch
uniform float u_hatch_width_px;
uniform vec2 u_hatch_normal;      // unit vector across the hatch lines

out vec4 o_colour;

void main() {
    vec4 c = u_colour;
    if (u_hatch_spacing_px > 0.0) {
        float d = mod(dot(gl_FragCoord.xy, u_hatch_normal), u_hatch_spacing_px);
        if (d < u_hatch_width_px) {
            c = vec4(mix(c.rgb, u_hatch_colour.rgb, u_hatch_colour.a),
                     max(c.a, u_hatch_colour.a));
        }
    }
    o_colour = c;
}
