// Parsing of the desktop viewer's command line.
#include "platform/native_cli.h"

#include <cstdlib>

#include "core/kiosk.h"

namespace platform {

const char* NativeUsage() {
  return "usage: mod-viewer [BUNDLE] [--route R] [--lang L] [--size WxH] [--scale S] [--dark]\n"
         "                  [--screenshot FILE.png] [--mirror]\n"
         "  BUNDLE            a publication bundle (default: the bundled assets/bundle.json)\n"
         "  --route R         open this screen, e.g. '#/news' or '#/directives/defence-directive-2024'\n"
         "  --lang L          language code, e.g. sq or en\n"
         "  --size WxH        window size in pixels (default 1280x800)\n"
         "  --scale S         interface scale, like a device pixel ratio (default 1)\n"
         "  --dark            dark theme\n"
         "  --screenshot F    render the screen once into the PNG file F and exit\n"
         "  --mirror          print the screen's accessible mirror and exit\n"
         "  --kiosk           museum kiosk: full screen, attract loop when idle, bundle reloads\n"
         "  --idle S          kiosk: seconds without a touch before the attract loop (default 90)\n"
         "  --reload S        kiosk: seconds between bundle checks (default 60)\n"
         "  --hours H         kiosk: opening hours, blank outside, e.g. 'Tue-Sun 09:00-18:00'\n"
         "  --soak DAYS       kiosk soak test: DAYS simulated on an accelerated clock (rewrites BUNDLE)\n";
}

std::optional<NativeOptions> ParseNativeArgs(const std::vector<std::string>& args, std::string& error) {
  NativeOptions o;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    const auto value = [&](std::string& out) {
      if (i + 1 >= args.size()) {
        error = a + " needs a value";
        return false;
      }
      out = args[++i];
      return true;
    };
    std::string v;
    if (a == "--route") {
      if (!value(o.route)) return std::nullopt;
    } else if (a == "--lang") {
      if (!value(o.lang)) return std::nullopt;
    } else if (a == "--screenshot") {
      if (!value(o.screenshot)) return std::nullopt;
    } else if (a == "--size") {
      if (!value(v)) return std::nullopt;
      const size_t x = v.find('x');
      const int w = x == std::string::npos ? 0 : std::atoi(v.substr(0, x).c_str());
      const int h = x == std::string::npos ? 0 : std::atoi(v.substr(x + 1).c_str());
      if (w < 200 || h < 200 || w > 8192 || h > 8192) {
        error = "--size wants WIDTHxHEIGHT between 200 and 8192, like 1280x800; got '" + v + "'";
        return std::nullopt;
      }
      o.width = w;
      o.height = h;
    } else if (a == "--scale") {
      if (!value(v)) return std::nullopt;
      o.scale = static_cast<float>(std::atof(v.c_str()));
      if (o.scale < 0.5f || o.scale > 4.0f) {
        error = "--scale wants a number between 0.5 and 4; got '" + v + "'";
        return std::nullopt;
      }
    } else if (a == "--idle" || a == "--reload" || a == "--hours") {
      if (!value(v)) return std::nullopt;
      core::KioskSettings check;  // validated here so that a typo stops the start with a message
      const std::string problem = core::SetKioskParameter(check, a.substr(2), v);
      if (!problem.empty()) {
        error = problem;
        return std::nullopt;
      }
      o.kioskSettings.emplace_back(a.substr(2), v);
    } else if (a == "--soak") {
      if (!value(v)) return std::nullopt;
      o.soakDays = std::atof(v.c_str());
      if (o.soakDays <= 0 || o.soakDays > 60) {
        error = "--soak wants a number of simulated days between 0 and 60; got '" + v + "'";
        return std::nullopt;
      }
      o.kiosk = true;
    } else if (a == "--kiosk") {
      o.kiosk = true;
    } else if (a == "--dark") {
      o.dark = true;
    } else if (a == "--mirror") {
      o.mirror = true;
    } else if (a == "--help" || a == "-h") {
      o.help = true;
    } else if (!a.empty() && a[0] == '-') {
      error = "unknown option " + a;
      return std::nullopt;
    } else if (o.bundle.empty()) {
      o.bundle = a;
    } else {
      error = "only one bundle can be shown; got '" + o.bundle + "' and '" + a + "'";
      return std::nullopt;
    }
  }
  return o;
}

}  // namespace platform
