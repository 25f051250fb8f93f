#!/usr/bin/env bash
# mod-bundle validate: exit codes and FILE:LINE:COL diagnostics; every JSONTestSuite file gets
# exit 0 or 1 with a message, never a crash or a hang.
set -u
TOOL=$1
ROOT=$2
fail=0
"$TOOL" validate "$ROOT/assets/bundle.json" "$ROOT/tests/fixtures/bilingual.json" || { echo "FAIL: default bundle invalid"; fail=1; }
tmp=$(mktemp -d)
printf '{\n  "format": "publication-bundle",\n  "version": tru\n}\n' > "$tmp/bad.json"
out=$("$TOOL" validate "$tmp/bad.json"); code=$?
[ $code -eq 1 ] || { echo "FAIL: exit $code for a bad file"; fail=1; }
[[ "$out" == "$tmp/bad.json:3:17: error: not valid JSON"* ]] || { echo "FAIL: diagnostic format: $out"; fail=1; }
"$TOOL" >/dev/null 2>&1; [ $? -eq 2 ] || { echo "FAIL: usage exit"; fail=1; }
count=0
for f in "$ROOT"/../shared/testdata/JSONTestSuite/test_parsing/*.json; do
  out=$(timeout 10 "$TOOL" validate "$f" 2>&1); code=$?
  count=$((count+1))
  if [ $code -ne 1 ] || [ -z "$out" ]; then echo "FAIL: $(basename "$f"): exit $code, output '$out'"; fail=1; fi
done
echo "JSONTestSuite: $count files checked"
rm -rf "$tmp"
[ $fail -eq 0 ] && echo "ok: mod-bundle"
exit $fail
