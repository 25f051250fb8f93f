// Benchmark baseline: a bare Dear ImGui page (GLFW + OpenGL3 backends, as the app's web
// platform uses) that redraws EVERY frame. scripts/bench compares the app's idle CPU and its
// time to ready against this page's CPU and its first frame (html data-first-frame).
#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

namespace {

struct Bare {
  GLFWwindow* window = nullptr;
  int frames = 0;  // drawn so far
};

void Frame(void* user) {
  auto* bare = static_cast<Bare*>(user);
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
  ImGui::SetNextWindowPos(ImVec2(24, 24), ImGuiCond_Once);
  ImGui::SetNextWindowSize(ImVec2(560, 360), ImGuiCond_Once);
  ImGui::Begin("Bare Dear ImGui");
  ImGui::TextUnformatted("A bare Dear ImGui page that redraws every frame: the benchmark's baseline.");
  ImGui::Text("Frame %d, %.1f FPS", bare->frames, ImGui::GetIO().Framerate);
  ImGui::Separator();
  for (int i = 1; i <= 12; ++i) ImGui::BulletText("Line %d of some text in a plain window", i);
  ImGui::End();
  ImGui::Render();
  int w = 0, h = 0;
  glfwGetFramebufferSize(bare->window, &w, &h);
  glViewport(0, 0, w, h);
  glClearColor(0.95f, 0.95f, 0.95f, 1);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  if (++bare->frames == 1) EM_ASM(document.documentElement.dataset.firstFrame = performance.now());
}

}  // namespace

int main() {
  EM_ASM(Module['canvas'] = document.getElementById('canvas'));
  double cssW = 0, cssH = 0;
  emscripten_get_element_css_size("#canvas", &cssW, &cssH);
  const double ratio = emscripten_get_device_pixel_ratio();
  glfwInit();
  glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  auto* bare = new Bare();  // lives as long as the page
  bare->window = glfwCreateWindow(static_cast<int>(cssW * ratio), static_cast<int>(cssH * ratio), "bare", nullptr, nullptr);
  glfwMakeContextCurrent(bare->window);
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;
  ImGui::GetIO().FontGlobalScale = static_cast<float>(ratio);
  ImGui_ImplGlfw_InitForOpenGL(bare->window, true);
  ImGui_ImplOpenGL3_Init("#version 300 es");
  emscripten_set_main_loop_arg(Frame, bare, 0, false);
  return 0;
}
