// The vertex shader of both renderers (platform/gl_renderer.cpp, web/render/draw.mjs): Dear
// ImGui's vertices (position, uv, colour) in its display coordinates, projected to clip space.
// The build puts the GLSL version line in front: "300 es" in browsers, "330 core" on the desktop.
layout (location = 0) in vec2 Position;
layout (location = 1) in vec2 UV;
layout (location = 2) in vec4 Color;
uniform mat4 Projection;
out vec2 FragUV;
out vec4 FragColor;
void main() {
  FragUV = UV;
  FragColor = Color;
  gl_Position = Projection * vec4(Position, 0.0, 1.0);
}
