#version 330 core
in vec2 v_local_px;
flat in vec4 v_fill;
flat in vec4 v_outline;
flat in vec3 v_params;

out vec4 o_colour;

// Signed distance in pixels from the symbol's edge (negative inside).
float shape_distance(vec2 p, float r, float shape) {
    if (shape < 0.5)
        return length(p) - r;
    if (shape < 1.5)
        return max(abs(p.x), abs(p.y)) - r * 0.85;
    if (shape < 2.5) {
        // Equilateral triangle pointing up, inscribed in the circle of radius r.
        vec2 q = vec2(abs(p.x), p.y + 0.25 * r);
        return max(q.x * 0.866025 + q.y * 0.5, -q.y) - 0.5 * r;
    }
    return (abs(p.x) + abs(p.y)) * 0.707107 - r * 0.8;
}

void main() {
    float r = 0.5 * v_params.x;
    float d = shape_distance(v_local_px, r, v_params.z);
    float coverage = clamp(0.5 - d, 0.0, 1.0);
    if (coverage <= 0.0)
        discard;
    float inner = clamp(0.5 - (d + v_params.y), 0.0, 1.0);
    vec4 c = mix(v_outline, v_fill, inner);
    o_colour = vec4(c.rgb, c.a * coverage);
}
