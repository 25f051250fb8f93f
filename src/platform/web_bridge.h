// The JavaScript side of the web platform (web/lib_app.js), as C declarations. Strings
// returned by the app_js_* functions are malloc'ed and owned by the caller.
#pragma once
#include <cstddef>

extern "C" {
void app_js_init(void* platform);                        // listeners: hashchange, colour scheme
void app_js_set_canvas_size(int width, int height);  // device pixels
char* app_js_hash();                                     // location.hash
char* app_js_preferred_languages();  // "?lang=", the remembered choice, navigator.languages; comma-separated
void app_js_remember_language(const char* lang);
char* app_js_bundle_url();                               // the bundle's address, for messages
void app_js_request_bundle(void* platform);              // delivers via app_on_bundle / app_on_bundle_failure
void app_js_set_state(const char* state);                // <html data-app-state>
void app_js_check_bundle(void* platform);               // conditional re-download: app_on_bundle_update
void app_js_set_mirror(const char* html, const char* title, const char* lang);
void app_js_set_mirror_rects(const float* rects, int count, float ratio);
void app_js_place_search(float x, float y, float w, float h, float ratio, const char* value, const char* placeholder);
void app_js_hide_search();
void app_js_push_route(const char* route, int replace);  // replace: no new history entry
void app_js_open_url(const char* url);
char* app_js_bundle_file_url(const char* path);
void app_js_fetch_image(void* platform, const char* path);  // app_on_image / app_on_image_failed
int app_js_prefers_dark();
int app_js_reduced_motion();
char* app_js_query(const char* name);                   // a page parameter; "" when absent
void app_js_start_kiosk(void* platform, double reloadSeconds);  // lock the page down, check the bundle
void app_js_wake_after(void* platform, double seconds);  // one timer: app_wake after `seconds`
int app_js_minute_of_week();                            // local time, Monday 00:00 = 0
void app_js_copy(const char* text);                      // navigator.clipboard
char* app_js_address_of(const char* route);             // the page's address with this route
}
