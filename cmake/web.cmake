# Web build: mod-viewer.js + .wasm + .data (fonts), our own index.html and the default bundle,
# laid out in WEB_OUT as a complete static site.
set(WEB_OUT "${CMAKE_SOURCE_DIR}/build/web" CACHE PATH "Where the static site is written")

add_library(imgui_backend STATIC ${IMGUI_DIR}/backends/imgui_impl_glfw.cpp ${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp)
target_include_directories(imgui_backend SYSTEM PUBLIC ${IMGUI_DIR}/backends)
target_link_libraries(imgui_backend PUBLIC imgui)
target_compile_options(imgui_backend PRIVATE -w)

add_executable(mod-viewer src/platform/web.cpp src/platform/gl_images.cpp)
target_link_libraries(mod-viewer PRIVATE ui imgui_backend)
add_dependencies(mod-viewer fonts)
set_target_properties(mod-viewer PROPERTIES SUFFIX ".js" RUNTIME_OUTPUT_DIRECTORY "${WEB_OUT}")
set(WEB_LIBS "${CMAKE_SOURCE_DIR}/web/lib_app.js")
target_link_options(mod-viewer PRIVATE
  -sUSE_GLFW=3 -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2 -sALLOW_MEMORY_GROWTH=1
  -sINITIAL_MEMORY=33554432 -sTOTAL_STACK=1048576 -sENVIRONMENT=web -sFILESYSTEM=1
  -sEXPORTED_FUNCTIONS=_main,_malloc,_free,_app_on_bundle,_app_on_bundle_failure,_app_on_hash_change,_app_on_image,_app_on_image_failed,_app_on_mirror_activate,_app_on_color_scheme,_app_on_search_input,_app_on_touch,_app_on_mirror_focus,_app_on_back,_app_wake -sEXPORTED_RUNTIME_METHODS=ccall,UTF8ToString
  -sMODULARIZE=0 -sEXIT_RUNTIME=0
  --js-library "${WEB_LIBS}"
  "--preload-file" "${FONT_OUT}@/fonts"
  -O2)
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
