#!/usr/bin/env bash
# The desktop kiosk itself (GLFW, OpenGL textures, file reloads) for a simulated week on an
# accelerated clock, under Xvfb: memory, textures and mirror must stay flat.
set -u
VIEWER=$1
ROOT=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -r "$ROOT/tests/fixtures/bilingual.json" "$ROOT/tests/fixtures/images" "$tmp/"
timeout 900 xvfb-run -a -s "-screen 0 800x600x24" "$VIEWER" "$tmp/bilingual.json" --soak 7 \
  --hours "Mon-Sun 09:00-18:00" 2>"$tmp/log"
code=$?
grep -c "new content shown" "$tmp/log" | sed 's/^/bundles taken: /'
grep -c "update ignored" "$tmp/log" | sed 's/^/half-written bundles ignored: /'
exit $code
