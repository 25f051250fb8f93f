// Parsing of the desktop viewer's command line.
#include "platform/native_cli.h"

#include <cstdlib>

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
         "  --report-dir DIR  kiosk: its metrics written to DIR/mod_kiosk.prom for node_exporter's textfile collector\n"
         "  --soak DAYS       kiosk soak test: DAYS simulated on an accelerated clock (rewrites BUNDLE)\n";
}

namespace {

// An option's value (the argument after it) into `o`; "" when it fits, else what is wrong.
std::string ApplyValue(NativeOptions& o, const std::string& option, const std::string& v) {
  if (option == "--route") o.route = v;
  else if (option == "--lang") o.lang = v;
  else if (option == "--screenshot") o.screenshot = v;
  else if (option == "--size") {
    const size_t x = v.find('x');
    const int w = x == std::string::npos ? 0 : std::atoi(v.substr(0, x).c_str());
    const int h = x == std::string::npos ? 0 : std::atoi(v.substr(x + 1).c_str());
    if (w < 200 || h < 200 || w > 8192 || h > 8192)
      return "--size wants WIDTHxHEIGHT between 200 and 8192, like 1280x800; got '" + v + "'";
    o.width = w;
    o.height = h;
  } else if (option == "--scale") {
    o.scale = static_cast<float>(std::atof(v.c_str()));
    if (o.scale < 0.5f || o.scale > 4.0f) return "--scale wants a number between 0.5 and 4; got '" + v + "'";
  } else if (option == "--idle" || option == "--reload" || option == "--hours") {
    // Checked here, so that a typo stops the start with a message.
    auto settings = core::WithKioskParameter(o.kioskSettings, option, v);
    if (!settings) return settings.GetError();
    o.kioskSettings = std::move(*settings);
  } else if (option == "--report-dir") {
    o.reportDir = v;
  } else if (option == "--soak") {
    o.soakDays = std::atof(v.c_str());
    if (o.soakDays <= 0 || o.soakDays > 60)
      return "--soak wants a number of simulated days between 0 and 60; got '" + v + "'";
    o.kiosk = true;
  }
  return "";
}

bool TakesValue(const std::string& a) {
  for (const char* option : {"--route", "--lang", "--screenshot", "--size", "--scale", "--idle", "--reload", "--hours", "--report-dir",
                             "--soak"})
    if (a == option) return true;
  return false;
}

}  // namespace

core::Parsed<NativeOptions> ParseNativeArgs(const std::vector<std::string>& args) {
  using Result = core::Parsed<NativeOptions>;
  NativeOptions o;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (TakesValue(a)) {
      if (i + 1 >= args.size()) return Result::Fail(a + " needs a value");
      const std::string problem = ApplyValue(o, a, args[++i]);
      if (!problem.empty()) return Result::Fail(problem);
    } else if (a == "--kiosk") {
      o.kiosk = true;
    } else if (a == "--dark") {
      o.dark = true;
    } else if (a == "--mirror") {
      o.mirror = true;
    } else if (a == "--help" || a == "-h") {
      o.help = true;
    } else if (!a.empty() && a[0] == '-') {
      return Result::Fail("unknown option " + a);
    } else if (o.bundle.empty()) {
      o.bundle = a;
    } else {
      return Result::Fail("only one bundle can be shown; got '" + o.bundle + "' and '" + a + "'");
    }
  }
  return Result::Ok(std::move(o));
}

}  // namespace platform
