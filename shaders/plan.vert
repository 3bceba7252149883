#version 330 core
// The calibrated plan's footprint on the map: a quadrilateral whose corners are the plan's
// corners transformed on the CPU, in metres relative to the scene's local origin. The plan
// position of each fragment is found in plan.frag, so the texture follows any homography exactly.
layout(location = 0) in vec2 a_position;

uniform vec2 u_centre;      // view centre, metres from the local origin
uniform float u_px_per_m;   // screen pixels per ground metre
uniform vec2 u_viewport_px; // framebuffer size in pixels

out vec2 v_local; // metres from the local origin: screen -> map is affine, so this interpolates

void main() {
    vec2 px = (a_position - u_centre) * u_px_per_m;
    gl_Position = vec4(px / (0.5 * u_viewport_px), 0.0, 1.0);
    v_local = a_position;
}
