// Benchmark baseline for the desktop build: a bare Dear ImGui window (GLFW + OpenGL 3.3) that
// redraws every frame at 60 Hz (paced by the clock: vsync does not hold under Xvfb).
// scripts/bench compares mod-viewer's idle CPU against this loop's.
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <chrono>
#include <thread>

int main() {
  if (!glfwInit()) return 1;
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  GLFWwindow* window = glfwCreateWindow(1200, 800, "bare", nullptr, nullptr);
  if (!window) return 1;
  glfwMakeContextCurrent(window);
  glfwSwapInterval(1);
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;
  ImGui_ImplGlfw_InitForOpenGL(window, true);
  ImGui_ImplOpenGL3_Init("#version 330 core");
  auto next = std::chrono::steady_clock::now();
  for (int frame = 0; !glfwWindowShouldClose(window); ++frame) {
    glfwPollEvents();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(24, 24), ImGuiCond_Once);
    ImGui::SetNextWindowSize(ImVec2(560, 360), ImGuiCond_Once);
    ImGui::Begin("Bare Dear ImGui");
    ImGui::TextUnformatted("A bare Dear ImGui window that redraws every frame: the benchmark's baseline.");
    ImGui::Text("Frame %d", frame);
    ImGui::Separator();
    for (int i = 1; i <= 12; ++i) ImGui::BulletText("Line %d of some text in a plain window", i);
    ImGui::End();
    ImGui::Render();
    int w = 0, h = 0;
    glfwGetFramebufferSize(window, &w, &h);
    glViewport(0, 0, w, h);
    glClearColor(0.95f, 0.95f, 0.95f, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    glfwSwapBuffers(window);
    next += std::chrono::microseconds(16667);
    std::this_thread::sleep_until(next);
  }
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwTerminate();
  return 0;
}
