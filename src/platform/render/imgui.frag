// The fragment shader of both renderers: the font atlas is one channel (`Coverage`: the white
// glyphs' coverage), images are RGBA.
uniform sampler2D Texture;
uniform bool Coverage;
in vec2 FragUV;
in vec4 FragColor;
layout (location = 0) out vec4 OutColor;
void main() {
  vec4 t = texture(Texture, FragUV);
  OutColor = FragColor * (Coverage ? vec4(1.0, 1.0, 1.0, t.r) : t);
}
