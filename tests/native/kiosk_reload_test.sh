#!/usr/bin/env bash
# The desktop kiosk picks up a changed bundle file and ignores a broken one, and keeps
# its content while the bundle's folder is gone (a removed USB stick, an unmounted share) and
# picks the bundle up again when it is back: runs mod-viewer --kiosk under Xvfb with
# the shortest reload interval and watches its log.
set -u
VIEWER=$1
ROOT=$2
tmp=$(mktemp -d)
# its own process group, so that the viewer and Xvfb go with xvfb-run at the end
trap 'kill -- -$pid 2>/dev/null; sleep 0.5; rm -rf "$tmp"' EXIT
mkdir "$tmp/usb"
cp "$ROOT/assets/bundle.json" "$tmp/usb/bundle.json"
setsid xvfb-run -a -s "-screen 0 1280x800x24" "$VIEWER" "$tmp/usb/bundle.json" --kiosk --reload 10 --idle 3600 2>"$tmp/log" &
pid=$!
wait_for() {  # wait_for TEXT SECONDS
  for _ in $(seq 1 "$2"); do grep -q "$1" "$tmp/log" && return 0; sleep 1; done
  echo "FAIL: '$1' did not appear in $2 s; log:"; cat "$tmp/log"; exit 1
}
sleep 3
retitle() {  # retitle FILE TITLE: the bundle with a new first headline
  python3 - "$1" "$2" <<'PY'
import json, sys
b = json.load(open(sys.argv[1]))
b["news"][0]["title"] = sys.argv[2]
open(sys.argv[1], "w").write(json.dumps(b, ensure_ascii=False))
PY
}
retitle "$tmp/usb/bundle.json" "A new headline from the editors"
wait_for "new content shown" 30 && echo "ok: a changed bundle is shown"
head -c 500 "$ROOT/assets/bundle.json" > "$tmp/usb/bundle.json"  # a half-written file
wait_for "update ignored, keeping the content shown" 30 && echo "ok: a broken update is ignored"
kill -0 $pid 2>/dev/null && echo "ok: still running" || { echo "FAIL: the kiosk stopped"; exit 1; }
# The folder goes away for a while (two checks): nothing changes, nothing stops.
cp "$ROOT/assets/bundle.json" "$tmp/next.json"
before=$(wc -l < "$tmp/log")
mv "$tmp/usb" "$tmp/usb.away"
sleep 22
kill -0 $pid 2>/dev/null && echo "ok: still running with the folder gone" || { echo "FAIL: the kiosk stopped when the folder went"; exit 1; }
tail -n +$((before + 1)) "$tmp/log" | grep -q . && { echo "FAIL: the folder's absence changed something:"; cat "$tmp/log"; exit 1; }
# It comes back with new content: shown at the next check.
retitle "$tmp/next.json" "Back from the stick"
cp "$tmp/next.json" "$tmp/usb.away/bundle.json"
mv "$tmp/usb.away" "$tmp/usb"
for _ in $(seq 1 30); do [ "$(grep -c "new content shown" "$tmp/log")" -ge 2 ] && break; sleep 1; done
[ "$(grep -c "new content shown" "$tmp/log")" -ge 2 ] && echo "ok: the bundle is picked up again when its folder is back" ||
  { echo "FAIL: the returned folder's bundle was not shown; log:"; cat "$tmp/log"; exit 1; }
