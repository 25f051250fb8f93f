#!/usr/bin/env bash
# The desktop kiosk picks up a changed bundle file and ignores a broken one (issue 5): runs
# mod-viewer --kiosk under Xvfb with the shortest reload interval and watches its log.
set -u
VIEWER=$1
ROOT=$2
tmp=$(mktemp -d)
# its own process group, so that the viewer and Xvfb go with xvfb-run at the end
trap 'kill -- -$pid 2>/dev/null; sleep 0.5; rm -rf "$tmp"' EXIT
cp "$ROOT/assets/bundle.json" "$tmp/bundle.json"
setsid xvfb-run -a -s "-screen 0 1280x800x24" "$VIEWER" "$tmp/bundle.json" --kiosk --reload 10 --idle 3600 2>"$tmp/log" &
pid=$!
wait_for() {  # wait_for TEXT SECONDS
  for _ in $(seq 1 "$2"); do grep -q "$1" "$tmp/log" && return 0; sleep 1; done
  echo "FAIL: '$1' did not appear in $2 s; log:"; cat "$tmp/log"; exit 1
}
sleep 3
python3 - "$tmp/bundle.json" <<'PY'
import json, sys
b = json.load(open(sys.argv[1]))
b["news"][0]["title"] = "A new headline from the editors"
open(sys.argv[1], "w").write(json.dumps(b, ensure_ascii=False))
PY
wait_for "new content shown" 30 && echo "ok: a changed bundle is shown"
head -c 500 "$ROOT/assets/bundle.json" > "$tmp/bundle.json"  # a half-written file
wait_for "update ignored, keeping the content shown" 30 && echo "ok: a broken update is ignored"
kill -0 $pid 2>/dev/null && echo "ok: still running" || { echo "FAIL: the kiosk stopped"; exit 1; }
