#!/usr/bin/env bash
# The desktop viewer's command line: --mirror for each route and language, a bad bundle, bad
# options, and --screenshot under Xvfb producing a PNG of the requested size.
set -u
VIEWER=$1
ROOT=$2
fail=0
check() {  # check NAME EXPECTED-SUBSTRING OUTPUT
  if [[ "$3" == *"$2"* ]]; then echo "ok: $1"; else echo "FAIL: $1: expected '$2' in:"; echo "$3" | head -20; fail=1; fi
}
out=$("$VIEWER" --mirror 2>&1); check "mission mirror" "# Misioni dhe veprimtaria e Ministrisë së Mbrojtjes" "$out"
out=$("$VIEWER" --mirror --lang en --route '#/news' 2>&1); check "news mirror" "### January 2024" "$out"
check "news title" "title: News" "$out"
out=$("$VIEWER" --mirror --route '#/directives/defence-directive-2024' 2>&1); check "directive detail" "# Defence Directive 2024" "$out"
out=$("$VIEWER" "$ROOT/tests/fixtures/bilingual.json" --mirror --lang en 2>&1); check "bilingual bundle" "# Mission of the Ministry" "$out"
tmp=$(mktemp -d)
printf '{"format":"publication-bundle","version":1,\n"news": [}' > "$tmp/broken.json"
out=$("$VIEWER" "$tmp/broken.json" --mirror 2>&1); code=$?
check "broken bundle shows the error" "[alert] not valid JSON" "$out"
check "broken bundle location" "broken.json, line 2, column 10" "$out"
[ $code -eq 1 ] && echo "ok: exit 1 on a broken bundle" || { echo "FAIL: exit $code on a broken bundle"; fail=1; }
out=$("$VIEWER" "$tmp/missing.json" --mirror 2>&1); check "missing file" "could not be read" "$out"
out=$("$VIEWER" --size 10x10 2>&1); code=$?
check "bad size" "--size wants" "$out"
[ $code -eq 2 ] || { echo "FAIL: bad option exit $code"; fail=1; }
if command -v xvfb-run >/dev/null; then
  timeout 120 xvfb-run -a -s "-screen 0 1600x1200x24" "$VIEWER" --route '#/news' --size 900x700 --screenshot "$tmp/shot.png" 2>&1
  if [ -f "$tmp/shot.png" ] && python3 - "$tmp/shot.png" <<'PY'
import struct, sys
d = open(sys.argv[1], 'rb').read()
assert d[:8] == b'\x89PNG\r\n\x1a\n', 'not a PNG'
w, h = struct.unpack('>II', d[16:24])
assert (w, h) == (900, 700), (w, h)
assert len(d) > 5000, 'suspiciously small: blank?'
PY
  then echo "ok: screenshot"; else echo "FAIL: screenshot"; fail=1; fi
  # The news image is drawn (its gradient is on screen); a truncated copy becomes a placeholder.
  timeout 120 xvfb-run -a -s "-screen 0 1600x1200x24" "$VIEWER" "$ROOT/tests/fixtures/bilingual.json" \
    --route '#/news/museum-berzhite' --size 900x700 --screenshot "$tmp/image.png" 2>&1
  drawn=$(/usr/bin/python3 "$ROOT/tests/native/png_colors.py" "$tmp/image.png")
  [ "${drawn:-0}" -gt 1000 ] && echo "ok: image drawn ($drawn px)" || { echo "FAIL: image not drawn ($drawn)"; fail=1; }
  mkdir -p "$tmp/broken/images"
  cp "$ROOT/tests/fixtures/bilingual.json" "$tmp/broken/"
  head -c 300 "$ROOT/tests/fixtures/images/museum.png" > "$tmp/broken/images/museum.png"
  timeout 120 xvfb-run -a -s "-screen 0 1600x1200x24" "$VIEWER" "$tmp/broken/bilingual.json" \
    --route '#/news/museum-berzhite' --size 900x700 --screenshot "$tmp/placeholder.png" 2>"$tmp/err.txt"
  drawn=$(/usr/bin/python3 "$ROOT/tests/native/png_colors.py" "$tmp/placeholder.png")
  [ "${drawn:-1}" -eq 0 ] && grep -q "a placeholder is shown" "$tmp/err.txt" && echo "ok: truncated image is a placeholder" \
    || { echo "FAIL: truncated image ($drawn)"; cat "$tmp/err.txt"; fail=1; }
else
  echo "FAIL: xvfb-run missing (scripts/setup installs it)"; fail=1
fi
rm -rf "$tmp"
exit $fail
