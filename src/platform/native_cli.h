// Command line of the desktop viewer:
//   mod-viewer [BUNDLE] [--route R] [--lang L] [--size WxH] [--scale S] [--dark]
//              [--screenshot FILE.png] [--mirror] [--kiosk [--idle S] [--reload S] [--hours H]]
#pragma once
#include <optional>
#include <utility>
#include <string>
#include <vector>

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
  std::vector<std::pair<std::string, std::string>> kioskSettings;  // --idle, --reload, --hours as given
  bool help = false;
};

// Returns the options, or nullopt with `error` set to a message for the user.
std::optional<NativeOptions> ParseNativeArgs(const std::vector<std::string>& args, std::string& error);
const char* NativeUsage();

}  // namespace platform
