# Web build: mod-viewer.js + .wasm + .data (fonts), our own index.html and the default bundle,
# laid out in WEB_OUT as a complete static site.
set(WEB_OUT "${CMAKE_SOURCE_DIR}/build/web" CACHE PATH "Where the static site is written")

add_library(imgui_backend STATIC ${IMGUI_DIR}/backends/imgui_impl_glfw.cpp ${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp)
target_include_directories(imgui_backend SYSTEM PUBLIC ${IMGUI_DIR}/backends)
target_link_libraries(imgui_backend PUBLIC imgui)
target_compile_options(imgui_backend PRIVATE -w)

add_executable(mod-viewer src/platform/web.cpp src/platform/gl_images.cpp src/platform/gl_frame.cpp
  src/platform/touch_input.cpp)
target_link_libraries(mod-viewer PRIVATE ui imgui_backend)
add_dependencies(mod-viewer fonts)
set_target_properties(mod-viewer PROPERTIES SUFFIX ".js" RUNTIME_OUTPUT_DIRECTORY "${WEB_OUT}")
set(WEB_LIBS "${CMAKE_SOURCE_DIR}/web/lib_app.js")
target_link_options(mod-viewer PRIVATE
  -sUSE_GLFW=3 -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2 -sALLOW_MEMORY_GROWTH=1
  -sINITIAL_MEMORY=33554432 -sTOTAL_STACK=1048576 -sENVIRONMENT=web -sFILESYSTEM=1
  -sEXPORTED_FUNCTIONS=_main,_malloc,_free,_app_on_bundle,_app_on_bundle_failure,_app_on_hash_change,_app_on_image,_app_on_image_failed,_app_on_mirror_activate,_app_on_color_scheme,_app_on_search_input,_app_on_touch,_app_on_mirror_focus,_app_on_back,_app_on_bundle_update,_app_wake -sEXPORTED_RUNTIME_METHODS=ccall,UTF8ToString
  -sMODULARIZE=0 -sEXIT_RUNTIME=0
  --js-library "${WEB_LIBS}"
  "--preload-file" "${FONT_OUT}@/fonts"
  -Os)
set_property(TARGET mod-viewer APPEND PROPERTY LINK_DEPENDS "${WEB_LIBS}")

# Static files beside the build output.
set(WEB_STATIC index.html app.css boot.js)
set(WEB_COPIED "")
foreach(f ${WEB_STATIC})
  add_custom_command(OUTPUT "${WEB_OUT}/${f}" COMMAND ${CMAKE_COMMAND} -E copy "${CMAKE_SOURCE_DIR}/web/${f}" "${WEB_OUT}/${f}"
                     DEPENDS "${CMAKE_SOURCE_DIR}/web/${f}")
  list(APPEND WEB_COPIED "${WEB_OUT}/${f}")
endforeach()
file(GLOB_RECURSE ASSET_FILES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/assets/*")
add_custom_command(OUTPUT "${WEB_OUT}/.assets.stamp"
  COMMAND ${CMAKE_COMMAND} -E copy_directory "${CMAKE_SOURCE_DIR}/assets" "${WEB_OUT}"
  COMMAND ${CMAKE_COMMAND} -E touch "${WEB_OUT}/.assets.stamp"
  DEPENDS ${ASSET_FILES})
add_custom_target(web_static ALL DEPENDS ${WEB_COPIED} "${WEB_OUT}/.assets.stamp")

# Precompressed copies beside the originals (gzip -9 and brotli -q 11) for servers that send
# them as they are (nginx gzip_static, web/nginx.conf). Runs on every build; a file is
# compressed again only when it is newer than its copies, and copies of removed files go.
file(WRITE "${CMAKE_BINARY_DIR}/precompress.sh" [[
cd "$1" || exit 1
types='.*\.\(html\|css\|js\|wasm\|data\|json\)'
find . -type f -regex "$types\.\(gz\|br\)" | while IFS= read -r f; do [ -e "${f%.*}" ] || rm -f "$f"; done
find . -type f -regex "$types" | while IFS= read -r f; do
  [ "$f.gz" -nt "$f" ] && [ "$f.br" -nt "$f" ] && continue
  gzip -9 -n -k -f "$f" && brotli -q 11 -f -k "$f" -o "$f.br" && touch "$f.gz" "$f.br" || exit 1
done
]])
add_custom_target(web_precompress ALL
  COMMAND sh "${CMAKE_BINARY_DIR}/precompress.sh" "${WEB_OUT}"
  COMMENT "Precompressing the site in ${WEB_OUT} (.gz, .br)"
  VERBATIM)
add_dependencies(web_precompress mod-viewer web_static)

# Benchmark baseline (scripts/bench): a bare Dear ImGui page that redraws every frame, linked
# like the app, written to build/bench-web (never into the site). Not built by default.
set(BENCH_WEB_OUT "${CMAKE_SOURCE_DIR}/build/bench-web" CACHE PATH "Where the benchmark pages are written")
add_executable(bench-bare EXCLUDE_FROM_ALL bench/bare/bare.cpp)
target_link_libraries(bench-bare PRIVATE imgui_backend)
set_target_properties(bench-bare PROPERTIES OUTPUT_NAME bare SUFFIX ".js" RUNTIME_OUTPUT_DIRECTORY "${BENCH_WEB_OUT}")
target_link_options(bench-bare PRIVATE
  -sUSE_GLFW=3 -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2 -sALLOW_MEMORY_GROWTH=1
  -sINITIAL_MEMORY=33554432 -sTOTAL_STACK=1048576 -sENVIRONMENT=web -sFILESYSTEM=1
  -sMODULARIZE=0 -sEXIT_RUNTIME=0 -O2)
add_custom_command(OUTPUT "${BENCH_WEB_OUT}/bare.html"
  COMMAND ${CMAKE_COMMAND} -E copy "${CMAKE_SOURCE_DIR}/bench/bare/bare.html" "${BENCH_WEB_OUT}/bare.html"
  DEPENDS "${CMAKE_SOURCE_DIR}/bench/bare/bare.html")
add_custom_target(bench-web DEPENDS bench-bare "${BENCH_WEB_OUT}/bare.html")
