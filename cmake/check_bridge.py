#!/usr/bin/python3
"""The C++/JS boundary is declared once (src/platform/web_bridge.h, MODV_EXPORTS): prints the
exports as emcc's -sEXPORTED_FUNCTIONS list, and fails when web/lib_app.js calls an export that
is not in the list, or leaves one of the list out of its $modvApp table, or calls anything of the
page (window.MODV: the modules web/page/main.mjs gathers) that its module does not export.
Usage: check_bridge.py web_bridge.h lib_app.js web/page/main.mjs"""
import os
import re
import sys

bridge, lib, main = (open(p, encoding="utf-8").read() for p in sys.argv[1:4])
page_dir = os.path.dirname(sys.argv[3])
exports = re.findall(r"^\s*X\([^,]+,\s*(app_[a-z_]+),", bridge, re.M)
called = set(re.findall(r"\b_(app_(?!js_)[a-z_]+)\(", lib))
problems = []
if not exports:
    problems.append("no exports found in MODV_EXPORTS")
if called - set(exports):
    problems.append("lib_app.js calls exports not in MODV_EXPORTS: " + ", ".join(sorted(called - set(exports))))
if set(exports) - called:
    problems.append("MODV_EXPORTS has exports lib_app.js's $modvApp never calls: " + ", ".join(sorted(set(exports) - called)))
if re.search(r"Module\[['\"]_app_", lib):
    problems.append("lib_app.js calls an export by name (Module['_app_...']); go through $modvApp")

# The page's side: MODV.<module>.<name> must be exported by web/page/<module's file>.mjs.
modules = dict(re.findall(r"^import \* as (\w+) from '\./([\w]+\.mjs)';", main, re.M))
for module, name in sorted(set(re.findall(r"\bMODV\.(\w+)\.(\w+)", lib))):
    if module not in modules:
        problems.append(f"lib_app.js uses MODV.{module}, which web/page/main.mjs does not gather")
        continue
    source = open(os.path.join(page_dir, modules[module]), encoding="utf-8").read()
    if not re.search(r"^export (?:function|const|let) " + re.escape(name) + r"\b", source, re.M):
        problems.append(f"lib_app.js calls MODV.{module}.{name}, which web/page/{modules[module]} does not export")
if problems:
    sys.exit("check_bridge: " + "; ".join(problems))
print(",".join(["_main", "_malloc", "_free"] + ["_" + e for e in exports]), end="")
