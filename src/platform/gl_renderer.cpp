// See gl_renderer.h.
#include "platform/gl_renderer.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>

#include "platform/render_format.h"  // the shader, the one both renderers build (src/platform/render/)

#define GL_GLEXT_PROTOTYPES
#include <GL/gl.h>
#include <GL/glext.h>

namespace platform {

namespace {

constexpr const char* kVersion = "#version 330 core\n";

GLuint Compile(GLenum type, const char* body) {
  const GLuint shader = glCreateShader(type);
  const char* parts[] = {kVersion, body};
  glShaderSource(shader, 2, parts, nullptr);
  glCompileShader(shader);
  return shader;
}

// A shader's or program's log, for a message when linking failed.
void PrintLog(GLuint object, bool program) {
  char log[1024] = {};
  if (program) glGetProgramInfoLog(object, sizeof log, nullptr, log);
  else glGetShaderInfoLog(object, sizeof log, nullptr, log);
  if (log[0]) std::fprintf(stderr, "mod-viewer: %s\n", log);
}

}  // namespace

namespace {

unsigned UploadTexture(unsigned texture, int width, int height, const unsigned char* pixels, bool coverage) {
  GLuint tex = texture;
  if (!tex) glGenTextures(1, &tex);
  glBindTexture(GL_TEXTURE_2D, tex);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  if (coverage) glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, width, height, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
  else glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
  return tex;
}

}  // namespace

unsigned GlRenderer::UploadImage(int width, int height, const unsigned char* rgba) {
  return UploadTexture(0, width, height, rgba, false);
}

void GlRenderer::DeleteImage(unsigned texture) {
  const GLuint tex = texture;
  glDeleteTextures(1, &tex);
}

bool GlRenderer::Init() {
  const GLuint vertex = Compile(GL_VERTEX_SHADER, shader::kVertex);
  const GLuint fragment = Compile(GL_FRAGMENT_SHADER, shader::kFragment);
  m_program = glCreateProgram();
  glAttachShader(m_program, vertex);
  glAttachShader(m_program, fragment);
  glLinkProgram(m_program);
  // One status query, after linking (each is a round trip to the GPU in a browser).
  GLint linked = 0;
  glGetProgramiv(m_program, GL_LINK_STATUS, &linked);
  if (!linked) {
    std::fprintf(stderr, "mod-viewer: the GL could not build the renderer's shader\n");
    PrintLog(vertex, false);
    PrintLog(fragment, false);
    PrintLog(m_program, true);
  }
  glDetachShader(m_program, vertex);
  glDetachShader(m_program, fragment);
  glDeleteShader(vertex);
  glDeleteShader(fragment);
  if (!linked) {
    glDeleteProgram(m_program);
    m_program = 0;
    return false;
  }
  m_projection = glGetUniformLocation(m_program, "Projection");
  m_texture = glGetUniformLocation(m_program, "Texture");
  m_coverage = glGetUniformLocation(m_program, "Coverage");

  glGenVertexArrays(1, &m_vao);
  glGenBuffers(1, &m_vbo);
  glGenBuffers(1, &m_ebo);
  glBindVertexArray(m_vao);
  glBindBuffer(GL_ARRAY_BUFFER, m_vbo);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, m_ebo);  // part of the vertex array's state
  glEnableVertexAttribArray(0);
  glEnableVertexAttribArray(1);
  glEnableVertexAttribArray(2);
  // ImDrawVert as the frame format describes it (the render worker reads it so).
  static_assert(sizeof(ImDrawVert) == frame::kVertexStride && offsetof(ImDrawVert, pos) == frame::kVertexPosition &&
                offsetof(ImDrawVert, uv) == frame::kVertexUv && offsetof(ImDrawVert, col) == frame::kVertexColor);
  const auto at = [](size_t offset) { return reinterpret_cast<const void*>(offset); };
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, frame::kVertexStride, at(frame::kVertexPosition));
  glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, frame::kVertexStride, at(frame::kVertexUv));
  glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, frame::kVertexStride, at(frame::kVertexColor));
  glBindVertexArray(0);

  ImGuiIO& io = ImGui::GetIO();
  io.BackendRendererName = "mod-viewer GL";
  // No ImGuiBackendFlags_RendererHasVtxOffset, as the browser's renderer (WebGL 2 has no
  // base-vertex draws): ImGui keeps each draw list's indices within 16 bits, in both builds alike.
  return true;
}

void GlRenderer::Shutdown() {
  if (m_fonts) glDeleteTextures(1, &m_fonts);
  if (m_vbo) glDeleteBuffers(1, &m_vbo);
  if (m_ebo) glDeleteBuffers(1, &m_ebo);
  if (m_vao) glDeleteVertexArrays(1, &m_vao);
  if (m_program) glDeleteProgram(m_program);
  m_fonts = m_vbo = m_ebo = m_vao = m_program = 0;
  ImGui::GetIO().Fonts->SetTexID(nullptr);
}

void GlRenderer::UploadFonts() {
  ImGuiIO& io = ImGui::GetIO();
  unsigned char* pixels = nullptr;
  int width = 0, height = 0;
  // One channel, as ImGui rasterised it: a quarter of the bytes of its RGBA form, and no
  // conversion pass.
  io.Fonts->GetTexDataAsAlpha8(&pixels, &width, &height);
  m_fonts = UploadTexture(m_fonts, width, height, pixels, true);
  io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(m_fonts)));
  // The GPU has its copy: the CPU's goes (a rebuild of the atlas makes new pixels).
  io.Fonts->ClearTexData();
}

void GlRenderer::Render(const ImDrawData* data, int framebufferWidth, int framebufferHeight, ImU32 background) {
  glViewport(0, 0, framebufferWidth, framebufferHeight);
  const ImVec4 bg = ImGui::ColorConvertU32ToFloat4(background);
  glClearColor(bg.x, bg.y, bg.z, 1);
  glDisable(GL_SCISSOR_TEST);
  glClear(GL_COLOR_BUFFER_BIT);
  if (!data || !m_program || data->CmdListsCount == 0 || framebufferWidth <= 0 || framebufferHeight <= 0) return;

  glEnable(GL_BLEND);
  glBlendEquation(GL_FUNC_ADD);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glDisable(GL_CULL_FACE);
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_STENCIL_TEST);
  glEnable(GL_SCISSOR_TEST);
  glUseProgram(m_program);
  glUniform1i(m_texture, 0);
  GLuint bound = 0;
  glUniform1i(m_coverage, 0);
  glActiveTexture(GL_TEXTURE0);
  float projection[16];
  DisplayProjection(*data, projection);
  glUniformMatrix4fv(m_projection, 1, GL_FALSE, projection);
  glBindVertexArray(m_vao);
  glBindBuffer(GL_ARRAY_BUFFER, m_vbo);

  for (int n = 0; n < data->CmdListsCount; ++n) {
    const ImDrawList* list = data->CmdLists[n];
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(list->VtxBuffer.Size) * static_cast<GLsizeiptr>(sizeof(ImDrawVert)),
                 list->VtxBuffer.Data, GL_STREAM_DRAW);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(list->IdxBuffer.Size) * static_cast<GLsizeiptr>(sizeof(ImDrawIdx)),
                 list->IdxBuffer.Data, GL_STREAM_DRAW);
    for (const ImDrawCmd& cmd : list->CmdBuffer) {
      if (cmd.UserCallback) {
        if (cmd.UserCallback != ImDrawCallback_ResetRenderState) cmd.UserCallback(list, &cmd);
        continue;  // the state is ours and set above; nothing to reset
      }
      int box[4];
      if (!ScissorBox(*data, cmd, framebufferHeight, box)) continue;
      glScissor(box[0], box[1], box[2], box[3]);
      const GLuint tex = static_cast<GLuint>(reinterpret_cast<intptr_t>(cmd.GetTexID()));
      if (tex != bound) {
        if ((tex == m_fonts) != (bound == m_fonts)) glUniform1i(m_coverage, tex == m_fonts);
        glBindTexture(GL_TEXTURE_2D, tex);
        bound = tex;
      }
      glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(cmd.ElemCount), sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT,
                     reinterpret_cast<const void*>(static_cast<intptr_t>(cmd.IdxOffset * sizeof(ImDrawIdx))));
    }
  }
  glBindVertexArray(0);
}

}  // namespace platform
