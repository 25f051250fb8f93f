#!/usr/bin/python3
"""The C++/JS boundary is declared once (src/platform/web_bridge.h, MODV_EXPORTS): prints the
exports as emcc's -sEXPORTED_FUNCTIONS list, and fails when web/lib_app.js calls an export that
is not in the list, or leaves one of the list out of its $modvApp table.
Usage: check_bridge.py web_bridge.h lib_app.js"""
import re
import sys

bridge, lib = (open(p, encoding="utf-8").read() for p in sys.argv[1:3])
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
if problems:
    sys.exit("check_bridge: " + "; ".join(problems))
print(",".join(["_main", "_malloc", "_free"] + ["_" + e for e in exports]), end="")
