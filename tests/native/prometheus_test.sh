#!/usr/bin/env bash
# The kiosk's Prometheus parts: the alert rules (deploy/mod_kiosk.rules.yml) pass `promtool check
# rules` and their unit tests (`promtool test rules`: each alert fires on what it is for), and a
# desktop kiosk's report (--report-dir) passes `promtool check metrics` with its content's counts.
set -u
VIEWER=$1
ROOT=$2
fail=0
promtool check rules "$ROOT/deploy/mod_kiosk.rules.yml" && echo "ok: promtool check rules" || { echo "FAIL: check rules"; fail=1; }
(cd "$ROOT/tests/native" && promtool test rules mod_kiosk.rules.test.yml) && echo "ok: promtool test rules" ||
  { echo "FAIL: test rules"; fail=1; }

tmp=$(mktemp -d)
trap 'kill -- -$pid 2>/dev/null; sleep 0.5; rm -rf "$tmp"' EXIT
mkdir "$tmp/report"
cp "$ROOT/assets/bundle.json" "$tmp/bundle.json"
setsid xvfb-run -a -s "-screen 0 1280x800x24" "$VIEWER" "$tmp/bundle.json" --kiosk --reload 10 --report-dir "$tmp/report" \
  2>"$tmp/log" &
pid=$!
report="$tmp/report/mod_kiosk.prom"
for _ in $(seq 1 30); do [ -f "$report" ] && break; sleep 1; done
if [ ! -f "$report" ]; then echo "FAIL: no $report within 30 s; log:"; cat "$tmp/log"; exit 1; fi
promtool check metrics < "$report" && echo "ok: promtool check metrics" || { echo "FAIL: check metrics:"; cat "$report"; fail=1; }
grep -q '^mod_kiosk_content_items{kind="news"} 7$' "$report" && echo "ok: the content's items" ||
  { echo "FAIL: content items:"; cat "$report"; fail=1; }
# A broken edition is a failed check, written at the next check (every 10 s).
head -c 300 "$ROOT/assets/bundle.json" > "$tmp/bundle.json"
for _ in $(seq 1 40); do grep -q '^mod_kiosk_check_failures_total 1$' "$report" && break; sleep 1; done
grep -q '^mod_kiosk_check_failures_total 1$' "$report" && echo "ok: a failed check is counted" ||
  { echo "FAIL: the failed check:"; cat "$report"; fail=1; }
ls -a "$tmp/report" | grep -q '\.tmp$' && { echo "FAIL: a temporary file was left"; fail=1; }
exit $fail
