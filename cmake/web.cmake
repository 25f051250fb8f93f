# Web build: mod-viewer.js + .wasm, the fonts (fonts.ttc), our own index.html and the default bundle,
# laid out in WEB_OUT as a complete static site. The program and style files carry their content's
# hash in their names (mod-viewer.0123456789.wasm) so servers can cache them for a year; index.html
# and bundle.json keep their names and are revalidated (web/nginx.conf).
set(WEB_OUT "${CMAKE_SOURCE_DIR}/build/web" CACHE PATH "Where the static site is written")
# Emscripten links here, under the plain names; only the hashed copies go into WEB_OUT.
set(WEB_LINK_OUT "${CMAKE_BINARY_DIR}/web-link")

# Dear ImGui's own GLFW and OpenGL3 backends, for the benchmark's bare baseline page only.
add_library(imgui_backend STATIC EXCLUDE_FROM_ALL ${IMGUI_DIR}/backends/imgui_impl_glfw.cpp)
target_include_directories(imgui_backend SYSTEM PUBLIC ${IMGUI_DIR}/backends)
target_link_libraries(imgui_backend PUBLIC imgui)
target_compile_options(imgui_backend PRIVATE -w)
add_library(imgui_backend_gl3 STATIC EXCLUDE_FROM_ALL ${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp)
target_link_libraries(imgui_backend_gl3 PUBLIC imgui_backend)
target_compile_options(imgui_backend_gl3 PRIVATE -w)

add_executable(mod-viewer src/platform/web.cpp src/platform/web_content.cpp src/platform/web_reading.cpp src/platform/image_cache.cpp
  src/platform/renderer.cpp src/platform/frame_renderer.cpp)
target_link_libraries(mod-viewer PRIVATE ui generated_headers)
set_target_properties(mod-viewer PROPERTIES SUFFIX ".js" RUNTIME_OUTPUT_DIRECTORY "${WEB_LINK_OUT}")
set(WEB_LIBS "${CMAKE_SOURCE_DIR}/web/lib_app.js")
# The exports come from their one declaration (web_bridge.h, MODV_EXPORTS); the check fails the
# configuration when lib_app.js calls anything else, leaves one out, or calls what the page's
# modules (web/page/) do not export.
set(WEB_BRIDGE "${CMAKE_SOURCE_DIR}/src/platform/web_bridge.h")
file(GLOB PAGE_SOURCES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/web/page/*.mjs")
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${WEB_BRIDGE}" "${WEB_LIBS}" ${PAGE_SOURCES})
execute_process(COMMAND /usr/bin/python3 "${CMAKE_SOURCE_DIR}/cmake/check_bridge.py" "${WEB_BRIDGE}" "${WEB_LIBS}"
                        "${CMAKE_SOURCE_DIR}/web/page/main.mjs"
                OUTPUT_VARIABLE WEB_EXPORTS RESULT_VARIABLE bridge_status ERROR_VARIABLE bridge_error)
if(NOT bridge_status EQUAL 0)
  message(FATAL_ERROR "${bridge_error}")
endif()
# The program links no GL, no GLFW and no file system: web/render/draw.mjs draws its frames, the
# page's JavaScript brings its input and its frames (web/page/input.mjs, program.mjs) and its
# fonts (fonts.ttc, fetched).
target_link_options(mod-viewer PRIVATE
  -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=33554432 -sTOTAL_STACK=1048576 -sENVIRONMENT=web -sFILESYSTEM=0
  -sEXPORTED_FUNCTIONS=${WEB_EXPORTS} -sEXPORTED_RUNTIME_METHODS=ccall,UTF8ToString,addRunDependency,removeRunDependency
  -sMODULARIZE=0 -sEXIT_RUNTIME=0
  --js-library "${WEB_LIBS}"
  -Os)
# Emscripten's glue leaves its functions' own names long (no Closure Compiler here): esbuild
# shortens them, 41.1 -> 35.4 KB gzip (docs/performance.md, "Download").
find_program(ESBUILD esbuild REQUIRED)
# Written beside it and renamed: a failed run leaves no half-made glue newer than its inputs.
add_custom_command(TARGET mod-viewer POST_BUILD
  COMMAND ${ESBUILD} "${WEB_LINK_OUT}/mod-viewer.js" --minify --target=es2019 --log-level=warning
          "--outfile=${WEB_LINK_OUT}/mod-viewer.min.js"
  COMMAND ${CMAKE_COMMAND} -E rename "${WEB_LINK_OUT}/mod-viewer.min.js" "${WEB_LINK_OUT}/mod-viewer.js"
  VERBATIM)
set_property(TARGET mod-viewer APPEND PROPERTY LINK_DEPENDS "${WEB_LIBS}")
# fonts.ttc beside the program, for hash_site.py to name.
add_custom_command(OUTPUT "${WEB_LINK_OUT}/fonts.ttc"
  COMMAND ${CMAKE_COMMAND} -E copy "${FONT_FILE}" "${WEB_LINK_OUT}/fonts.ttc"
  DEPENDS "${FONT_FILE}" fonts)

# The page's modules (web/page/) as boot.js, and the render worker (web/render/, with the shader
# and frame format of src/platform/render/) as render_worker.js: each bundled by esbuild
# (Debian's) into one minified script, beside the program, for hash_site.py to name.
file(GLOB RENDER_SOURCES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/web/render/*.mjs" "${CMAKE_SOURCE_DIR}/src/platform/render/*")
set(ESBUILD_FLAGS --bundle --format=iife --target=es2019 --minify --legal-comments=none --log-level=warning)
add_custom_command(OUTPUT "${WEB_LINK_OUT}/boot.js"
  COMMAND ${ESBUILD} "${CMAKE_SOURCE_DIR}/web/page/main.mjs" ${ESBUILD_FLAGS} "--outfile=${WEB_LINK_OUT}/boot.js"
  DEPENDS ${PAGE_SOURCES}
  COMMENT "Bundling web/page/ into boot.js")
add_custom_command(OUTPUT "${WEB_LINK_OUT}/render_worker.js"
  COMMAND ${ESBUILD} "${CMAKE_SOURCE_DIR}/web/render/worker.mjs" ${ESBUILD_FLAGS} --loader:.vert=text --loader:.frag=text
          "--outfile=${WEB_LINK_OUT}/render_worker.js"
  DEPENDS ${RENDER_SOURCES}
  COMMENT "Bundling web/render/ into render_worker.js")
add_custom_target(web_scripts ALL DEPENDS "${WEB_LINK_OUT}/boot.js" "${WEB_LINK_OUT}/render_worker.js" "${WEB_LINK_OUT}/fonts.ttc")

# The default bundle and what it references, under their own names (editors replace them).
file(GLOB_RECURSE ASSET_FILES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/assets/*")
add_custom_command(OUTPUT "${WEB_OUT}/.assets.stamp"
  COMMAND ${CMAKE_COMMAND} -E copy_directory "${CMAKE_SOURCE_DIR}/assets" "${WEB_OUT}"
  COMMAND ${CMAKE_COMMAND} -E touch "${WEB_OUT}/.assets.stamp"
  DEPENDS ${ASSET_FILES})
add_custom_target(web_static ALL DEPENDS "${WEB_OUT}/.assets.stamp")

# app.css (from web/) and boot.js, render_worker.js, mod-viewer.js, .wasm, fonts.ttc (from WEB_LINK_OUT) copied into
# WEB_OUT as name.<first 10 hex of SHA-256>.ext, index.html written from web/index.html with those
# names, and old hashed or unhashed copies removed (cmake/hash_site.py). Runs on every build (a
# few milliseconds): it reads web/ itself, so an edit there alone is picked up, and rewrites only
# files whose bytes changed.
add_custom_target(web_hash ALL
  COMMAND /usr/bin/python3 "${CMAKE_SOURCE_DIR}/cmake/hash_site.py" "${CMAKE_SOURCE_DIR}/web" "${WEB_LINK_OUT}" "${WEB_OUT}"
  COMMENT "Writing content-hashed names and index.html into ${WEB_OUT}"
  VERBATIM)
add_dependencies(web_hash mod-viewer web_scripts)

# Precompressed copies beside the originals (gzip -9 and brotli 11) for servers that send them
# as they are (nginx gzip_static, web/nginx.conf): cmake/precompress.py, which scripts/publish
# runs too, says how.
add_custom_target(web_precompress ALL
  COMMAND /usr/bin/python3 "${CMAKE_SOURCE_DIR}/cmake/precompress.py" "${WEB_OUT}"
  COMMENT "Precompressing the site in ${WEB_OUT} (.gz, .br)"
  VERBATIM)
add_dependencies(web_precompress web_hash web_static)

# Benchmark baseline (scripts/bench): a bare Dear ImGui page that redraws every frame, linked
# like the app, written to build/bench-web (never into the site). Not built by default.
set(BENCH_WEB_OUT "${CMAKE_SOURCE_DIR}/build/bench-web" CACHE PATH "Where the benchmark pages are written")
add_executable(bench-bare EXCLUDE_FROM_ALL bench/bare/bare.cpp)
target_link_libraries(bench-bare PRIVATE imgui_backend_gl3)
set_target_properties(bench-bare PROPERTIES OUTPUT_NAME bare SUFFIX ".js" RUNTIME_OUTPUT_DIRECTORY "${BENCH_WEB_OUT}")
target_link_options(bench-bare PRIVATE
  -sUSE_GLFW=3 -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2 -sALLOW_MEMORY_GROWTH=1
  -sINITIAL_MEMORY=33554432 -sTOTAL_STACK=1048576 -sENVIRONMENT=web -sFILESYSTEM=1
  -sMODULARIZE=0 -sEXIT_RUNTIME=0 -O2)
add_custom_command(OUTPUT "${BENCH_WEB_OUT}/bare.html"
  COMMAND ${CMAKE_COMMAND} -E copy "${CMAKE_SOURCE_DIR}/bench/bare/bare.html" "${BENCH_WEB_OUT}/bare.html"
  DEPENDS "${CMAKE_SOURCE_DIR}/bench/bare/bare.html")
add_custom_target(bench-web DEPENDS bench-bare "${BENCH_WEB_OUT}/bare.html")
