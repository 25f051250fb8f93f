// The C++/JavaScript boundary of the web build, declared once.
//
// From JavaScript into the program: MODV_EXPORTS lists every export with its C signature.
// This header declares them, web.cpp defines them, cmake/web.cmake reads this list for
// -sEXPORTED_FUNCTIONS, and web/lib_app.js calls them only through its $modvApp table (the
// build checks that the table names exactly these: cmake/check_bridge.py).
//
// From the program into JavaScript: the app_js_* functions below, implemented in
// web/lib_app.js. Strings they return are malloc'ed and owned by the caller.
#pragma once
#include <cstddef>

// clang-format off
#define MODV_EXPORTS(X)                                                                                        \
  /* Room for `size` bytes that JavaScript writes a download into: kind 0 the bundle's, 1 the kiosk's check's, \
     2 a file's (app_on_file); the program keeps the bytes; 0 when there is no memory */                     \
  X(char*, app_room, (void* platform, int size, int kind))                                                    \
  /* The first download (or a retry) arrived: `size` bytes at `bytes`, in a room from app_room; 1 when \
     it loaded (the page then keeps it for a start without network), 0 when the error screen shows why */    \
  X(int, app_on_bundle, (void* platform, const char* bytes, int size))                                        \
  /* The download failed before there was anything to read: why, for the error screen */                     \
  X(void, app_on_bundle_failure, (void* platform, const char* message))                                       \
  /* The kiosk's check brought a changed bundle: 1 taken, 0 ignored (broken), 2 pending (a manifest) */      \
  X(int, app_on_bundle_update, (void* platform, const char* bytes, int size))                                 \
  /* The kiosk's check is over: 1 it went well (unchanged, or a new edition offered), 0 it failed */         \
  X(void, app_on_check_done, (void* platform, int ok))                                                        \
  /* location.hash changed (back, forward, a typed address) */                                                 \
  X(void, app_on_hash_change, (void* platform))                                                               \
  /* A file beside the bundle (app_js_fetch: a published site's part, an image) arrived in its room, or     \
     could not be had (why) */                                                                                 \
  X(void, app_on_file, (void* platform, const char* name, char* bytes, int size))                             \
  X(void, app_on_file_failed, (void* platform, const char* name, const char* why))                            \
  /* A screen reader activated mirror node `index`; the page's focus is on node `index` (-1: elsewhere) */   \
  X(void, app_on_mirror_activate, (void* platform, int index))                                                \
  X(void, app_on_mirror_focus, (void* platform, int index))                                                   \
  /* The colours the system asks for changed (app_js_appearance); the page is about to be printed (1) or   \
     was (0) */                                                                                                \
  X(void, app_on_appearance, (void* platform))                                                                \
  X(void, app_on_print, (void* platform, int printing))                                                       \
  /* The page's search <input> holds `text` */                                                                 \
  X(void, app_on_search_input, (void* platform, const char* text))                                            \
  /* A finger on the canvas: phase 0 down, 1 move, 2 up, 3 cancelled; CSS px; event time in ms */             \
  X(void, app_on_touch, (void* platform, int phase, float x, float y, double ms))                             \
  /* Escape: back to the list */                                                                               \
  X(void, app_on_back, (void* platform))                                                                      \
  /* Something outside the program wants a frame (a timer, a new device pixel ratio) */                        \
  X(void, app_wake, (void* platform))                                                                         \
  /* The WebGL context was lost; it was restored (the GL objects are made again); or it did not come back */   \
  X(void, app_on_context_lost, (void* platform))                                                              \
  X(void, app_on_context_restored, (void* platform))                                                          \
  X(void, app_on_reading_mode, (void* platform))                                                              \
  /* The page shows the state set last (with the render worker: once it has drawn that frame) */             \
  X(void, app_on_shown, (void* platform))                                                                     \
  /* The mouse on the canvas: kind 0 moved, 1 a button pressed, 2 released (anywhere), 3 it left the         \
     canvas; CSS px from the canvas's corner; the button as ImGui numbers them (0 left, 1 right, 2 middle) */ \
  X(void, app_on_mouse, (void* platform, int kind, float x, float y, int button))                             \
  /* The wheel over the canvas: the DOM's deltas and deltaMode (0 pixels, 1 lines, 2 pages) */               \
  X(void, app_on_wheel, (void* platform, double dx, double dy, int mode))                                     \
  /* The animation frame app_js_request_frame asked for */                                                     \
  X(void, app_frame, (void* platform))                                                                        \
  /* The task app_js_build_fonts_soon asked for: the font atlas, before the first frame */                     \
  X(void, app_build_fonts, (void* platform))
// clang-format on

#define MODV_DECLARE_EXPORT(ret, name, args) ret name args;
extern "C" {
MODV_EXPORTS(MODV_DECLARE_EXPORT)
}
#undef MODV_DECLARE_EXPORT

extern "C" {
void app_js_init(void* platform);                        // listeners: hashchange, colour scheme, mirror, search, input
void app_js_set_canvas_size(int width, int height);      // #canvas's drawing buffer, device pixels
// The canvas's CSS size into `width` and `height`; returns the device pixel ratio.
double app_js_canvas_size(double* width, double* height);
void app_js_request_frame(void* platform);               // app_frame at the next animation frame (once)
void app_js_build_fonts_soon(void* platform);            // app_build_fonts in a task of its own
void app_js_log(int error, const char* text);            // to the console: a warning, or (1) an error
char* app_js_hash();                                     // location.hash
char* app_js_preferred_languages();  // "?lang=", the remembered choice, navigator.languages; comma-separated
void app_js_remember_language(const char* lang);
char* app_js_bundle_url();                               // the bundle's address, for messages
void app_js_request_bundle(void* platform);              // delivers via app_on_bundle / app_on_bundle_failure
void app_js_set_state(void* platform, const char* state);  // <html data-app-state>; app_on_shown when it shows
void app_js_check_bundle(void* platform);                // conditional re-download: app_on_bundle_update
void app_js_update_settled(int taken);  // a pending update (app_on_bundle_update's 2) was taken or dropped
// The kiosk's metrics (Prometheus text) for its Pushgateway, as `instance` (?report= and ?name=;
// nothing is sent without ?report); how often the page reloaded itself after a fault.
void app_js_report(const char* instance, const char* metrics);
int app_js_reload_count();
void app_js_set_mirror(const char* html, const char* title, const char* lang);
void app_js_set_mirror_rects(const float* rects, int count, float ratio);
void app_js_place_search(float x, float y, float w, float h, float ratio, const char* value, const char* placeholder);
void app_js_hide_search();
void app_js_push_route(const char* route, int replace);  // replace: no new history entry
void app_js_open_url(const char* url);
char* app_js_bundle_file_url(const char* path);
void app_js_fetch(void* platform, const char* name);    // a file beside the bundle: app_on_file / app_on_file_failed
void app_js_keep_files(const char* paths);                 // the kiosk's images, one per line, into the offline cache
// The colours the system asks for: bit 1 dark, 2 more contrast, 4 forced colours; with forced
// colours, the system's (0xRRGGBB: Canvas, CanvasText, LinkText, Highlight, HighlightText,
// ButtonFace, ButtonText, GrayText) into `out`, returning how many.
int app_js_appearance();
int app_js_system_colors(unsigned* out);
// The visitor's reading choice remembered in this browser (bit 0 the text view, bits 1-2 the
// text size's step: 100%, 150%, 200%); remembering one; the text view on or off (the page shows
// the mirror as its text, at the same place); the text size, for the text view.
int app_js_reading_choice();
void app_js_remember_reading_choice(int choice);
void app_js_set_text_view(int on);
void app_js_set_text_size(float size);
// "Share" through the Web Share API (a phone's share sheet): whether there is one here; sharing.
int app_js_can_share();
void app_js_share(const char* url, const char* title);
int app_js_reduced_motion();
char* app_js_query(const char* name);                    // a page parameter; "" when absent
void app_js_start_kiosk(void* platform, double reloadSeconds);  // lock the page down, check the bundle
void app_js_wake_after(void* platform, double seconds);  // one timer: app_wake after `seconds`
int app_js_minute_of_week();                             // local time, Monday 00:00 = 0
void app_js_copy(const char* text);                      // navigator.clipboard
char* app_js_address_of(const char* route, const char* page);  // to share: the published page, else the route's hash
// fonts.ttc's size, its bytes copied to `to` when `capacity` holds them; 0 when the page has none.
int app_js_font_bytes(unsigned char* to, int capacity);
// 1 when the page has a renderer (in its worker or on its own thread: boot.js chose), 0 in
// reading mode from the start.
int app_js_can_draw();
// To the renderer (web/render/draw.mjs, in the worker or on the page; FrameRenderer): a texture
// (coverage: one channel, else RGBA), a texture it may drop, a frame of `bytes` bytes.
void app_js_render_texture(unsigned id, int width, int height, int coverage, const unsigned char* pixels);
void app_js_render_forget(unsigned id);
void app_js_render_frame(const void* frame, int bytes);
void app_js_set_reading_mode();                          // <html data-render="html">: the mirror is the page
}
