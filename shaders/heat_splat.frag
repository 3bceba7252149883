#version 330 core
// The kernel of one point evaluated at this cell's centre, added (GL_ONE, GL_ONE) into a float
// target: the same K(d / r) as analysis::kernel_shape, so the GPU surface matches the CPU grid.
uniform float u_radius_m;
uniform float u_cell_m;
uniform int u_kernel; // 0 quartic, 1 triangular, 2 uniform, 3 triweight, 4 epanechnikov

flat in vec2 v_point;
flat in float v_weight;
out vec4 o_value;

void main() {
    vec2 centre = gl_FragCoord.xy * u_cell_m; // gl_FragCoord is the pixel centre (i + 0.5)
    float t = distance(centre, v_point) / u_radius_m;
    if (t > 1.0)
        discard;
    float u = 1.0 - t * t;
    float k = u * u;
    if (u_kernel == 1)
        k = 1.0 - t;
    else if (u_kernel == 2)
        k = 1.0;
    else if (u_kernel == 3)
        k = u * u * u;
    else if (u_kernel == 4)
        k = u;
    o_value = vec4(v_weight * k, 0.0, 0.0, 1.0);
}
