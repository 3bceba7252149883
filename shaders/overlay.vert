#version 330 core
// Map furniture (scale bar, north arrow, labels) in screen pixels, y down from the top-left.
layout(location = 0) in vec2 a_position;
layout(location = 1) in vec4 a_colour;

uniform vec2 u_viewport_px;

out vec4 v_colour;

void main() {
    v_colour = a_colour;
    vec2 ndc = vec2(a_position.x / u_viewport_px.x * 2.0 - 1.0,
                    1.0 - a_position.y / u_viewport_px.y * 2.0);
    gl_Position = vec4(ndc, 0.0, 1.0);
}
