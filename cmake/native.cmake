# Native build: the desktop viewer, the editors' tool and the test suites.
find_package(PkgConfig REQUIRED)
pkg_check_modules(GLFW REQUIRED IMPORTED_TARGET glfw3)
find_package(OpenGL REQUIRED)

# GLFW input only: the viewer draws with its own renderer (src/platform/gl_renderer.h).
add_library(imgui_backend STATIC ${IMGUI_DIR}/backends/imgui_impl_glfw.cpp)
target_include_directories(imgui_backend SYSTEM PUBLIC ${IMGUI_DIR}/backends)
target_link_libraries(imgui_backend PUBLIC imgui PkgConfig::GLFW OpenGL::GL ${CMAKE_DL_LIBS})
target_compile_options(imgui_backend PRIVATE -w)
# Dear ImGui's own OpenGL3 renderer, for the benchmark's bare baseline window only.
add_library(imgui_backend_gl3 STATIC EXCLUDE_FROM_ALL ${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp)
target_link_libraries(imgui_backend_gl3 PUBLIC imgui_backend)
target_compile_options(imgui_backend_gl3 PRIVATE -w)

add_executable(mod-viewer src/platform/native.cpp src/platform/native_cli.cpp src/platform/native_host.cpp
  src/platform/native_session.cpp src/platform/native_soak.cpp src/platform/native_window.cpp src/platform/image_cache.cpp
  src/platform/gl_renderer.cpp src/platform/renderer.cpp)
target_link_libraries(mod-viewer PRIVATE ui imgui_backend generated_headers)
target_compile_definitions(mod-viewer PRIVATE MODV_FONT_FILE="${FONT_FILE}" MODV_DEFAULT_BUNDLE="${CMAKE_SOURCE_DIR}/assets/bundle.json")
add_dependencies(mod-viewer fonts)

# The editors' tool: its commands in a library that the tools suite tests, and its main.
add_library(bundle_tools STATIC src/tools/bundle_file.cpp src/tools/bundle_stats.cpp src/tools/diagnostics_json.cpp
  src/tools/site_content.cpp src/tools/site_pages.cpp src/tools/site_feeds.cpp src/tools/image_check.cpp src/tools/referenced_files.cpp
  src/tools/structured_data.cpp src/tools/bundle_copy.cpp src/tools/site_files.cpp src/tools/app_files.cpp)
target_link_libraries(bundle_tools PUBLIC core)
add_executable(mod-bundle src/tools/mod_bundle.cpp)
target_link_libraries(mod-bundle PRIVATE bundle_tools)

enable_testing()
add_subdirectory(tests)

# Benchmark of the core on a large bundle (scripts/bench runs it; not a test).
add_executable(bench_core bench/bench_core.cpp)
target_link_libraries(bench_core PRIVATE core)
target_compile_definitions(bench_core PRIVATE MODV_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
# The desktop idle baseline for scripts/bench: bare Dear ImGui redrawing at 60 Hz.
add_executable(bench_bare_native EXCLUDE_FROM_ALL bench/bare/bare_native.cpp)
target_link_libraries(bench_bare_native PRIVATE imgui_backend_gl3)
