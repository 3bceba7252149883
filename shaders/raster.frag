#version 330 core
// A basemap tile (straight alpha: no-data pixels are transparent), faded by the basemap opacity.
uniform sampler2D u_tile;
uniform float u_opacity;

in vec2 v_uv;
out vec4 o_colour;

void main() {
    vec4 c = texture(u_tile, v_uv);
    o_colour = vec4(c.rgb, c.a * u_opacity);
}
