#version 330 core
// A plan drawn through its calibration: each fragment's map position goes through the inverse
// transform (a 3x3 homography, made relative to the local origin on the CPU in double precision)
// to image units (the plan's own units composed with its image's affine: the identity for a
// scan, pixels -> drawing units for a DXF), then to texture coordinates. A projective transform
// is then exact per pixel, where a textured quad would bend straight lines along its diagonal.
uniform sampler2D u_plan;
uniform mat3 u_map_to_plan; // local metres -> homogeneous image units (x right, y down)
uniform vec2 u_plan_size;   // image width and height in image units
uniform float u_opacity;

in vec2 v_local;
out vec4 o_colour;

void main() {
    vec3 p = u_map_to_plan * vec3(v_local, 1.0);
    vec2 uv = (p.xy / p.z) / u_plan_size;
    // Sample before masking: texture() needs the derivatives of uv from every fragment of the quad.
    vec4 c = texture(u_plan, uv);
    float inside = step(0.0, uv.x) * step(0.0, uv.y) * step(uv.x, 1.0) * step(uv.y, 1.0);
    o_colour = vec4(c.rgb, c.a * u_opacity * inside);
}
