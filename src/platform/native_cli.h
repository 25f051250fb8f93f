// Command line of the desktop viewer:
//   mod-viewer [BUNDLE] [--route R] [--lang L] [--size WxH] [--scale S] [--dark]
//              [--screenshot FILE.png] [--mirror] [--kiosk [--idle S] [--reload S] [--hours H] [--report-dir DIR]]
#pragma once
#include <string>
#include <vector>

#include "core/kiosk.h"
#include "core/parsed.h"

namespace platform {

struct NativeOptions {
  std::string bundle;          // path; "" = the default bundle
  std::string route;           // "#/news" etc.; "" = the mission
  std::string lang;            // "" = the bundle's first language
  int width = 1280, height = 800;
  float scale = 1.0f;          // device pixels per interface pixel
  bool dark = false;
  std::string screenshot;      // write one frame as PNG and exit
  bool mirror = false;         // print the mirror and exit
  bool kiosk = false;          // full screen museum kiosk
  double soakDays = 0;         // kiosk soak test on an accelerated clock (rewrites BUNDLE)
  core::KioskSettings kioskSettings;  // --idle, --reload, --hours
  std::string reportDir;       // kiosk: its metrics written to DIR/mod_kiosk.prom (node_exporter's textfile collector)
  bool help = false;
};

// The options, or a message for the user saying what is wrong.
core::Parsed<NativeOptions> ParseNativeArgs(const std::vector<std::string>& args);
const char* NativeUsage();

}  // namespace platform
