#!/usr/bin/env bash
# mod-bundle: exit codes and FILE:LINE:COL diagnostics; referenced files (missing, outside the
# folder, images that do not decode); stats; every JSONTestSuite file gets exit 0 or 1 with a
# message, never a crash or a hang.
set -u
TOOL=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
ROOT=$(cd "$2" && pwd)
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# expect_line OUTPUT TEXT: OUTPUT contains TEXT (which may span lines).
expect_line() { [[ "$1" == *"$2"* ]] || { echo "FAIL: no '$2' in:"; echo "$1"; fail=1; }; }

"$TOOL" validate "$ROOT/assets/bundle.json" "$ROOT/tests/fixtures/bilingual.json" || { echo "FAIL: default bundle invalid"; fail=1; }
printf '{\n  "format": "publication-bundle",\n  "version": tru\n}\n' > "$tmp/bad.json"
out=$("$TOOL" validate "$tmp/bad.json"); code=$?
[ $code -eq 1 ] || { echo "FAIL: exit $code for a bad file"; fail=1; }
[[ "$out" == "$tmp/bad.json:3:17: error: not valid JSON"* ]] || { echo "FAIL: diagnostic format: $out"; fail=1; }
"$TOOL" >/dev/null 2>&1; [ $? -eq 2 ] || { echo "FAIL: usage exit"; fail=1; }
"$TOOL" stats >/dev/null 2>&1; [ $? -eq 2 ] || { echo "FAIL: stats without a file: usage exit"; fail=1; }
"$TOOL" stats a.json b.json >/dev/null 2>&1; [ $? -eq 2 ] || { echo "FAIL: stats with two files: usage exit"; fail=1; }
"$TOOL" frobnicate x.json 2>&1 | grep -q '^usage: mod-bundle' || { echo "FAIL: unknown command prints no usage"; fail=1; }

# ---- referenced files: one news item per line, "image" first, so its value is at column 15 ----
B=$tmp/b
mkdir -p "$B/images" "$B/docs"
PNG=$ROOT/tests/fixtures/images/museum.png
cp "$PNG" "$B/images/museum.png"
head -c 100 "$PNG" > "$B/images/truncated.png"
printf 'not an image at all\n' > "$B/images/text.png"
python3 - "$B/images/huge.png" <<'PY'
import struct, sys, zlib
ihdr = struct.pack(">IIBBBBB", 100000, 100000, 8, 2, 0, 0, 0)
chunk = struct.pack(">I", len(ihdr)) + b"IHDR" + ihdr + struct.pack(">I", zlib.crc32(b"IHDR" + ihdr))
open(sys.argv[1], "wb").write(b"\x89PNG\r\n\x1a\n" + chunk)
PY
cp "$PNG" "$tmp/outside.png"
ln -s "$tmp/outside.png" "$B/images/outside.png"
ln -s "$tmp" "$B/up"
printf '%%PDF-1.4\n' > "$B/docs/present.pdf"
cat > "$B/bundle.json" <<'JSON'
{
  "format": "publication-bundle", "version": 1, "languages": ["sq", "en"],
  "mission": {"title": "M", "paragraphs": [{"text": "P", "items": [{"label": "a", "text": "A"}]}]},
  "news": [
    {"image": "images/missing.png", "id": "bad-date", "date": "2024-13", "title": "left out, image not checked"},
    {"image": "images/museum.png", "id": "good", "date": "2023-08-01", "title": {"sq": "Mirë", "en": "Good"}, "summary": {"sq": "S"}, "tags": ["a", "b"]},
    {"image": "images/missing.png", "id": "missing", "date": "2024-01", "title": "x", "tags": ["b"]},
    {"image": "images/truncated.png", "id": "truncated", "date": "2024-01", "title": "x"},
    {"image": "images/huge.png", "id": "huge", "date": "2024-01", "title": "x"},
    {"image": "images/text.png", "id": "text", "date": "2024-01", "title": "x"},
    {"image": "images/outside.png", "id": "outside", "date": "2024-01", "title": "x"},
    {"image": "up/outside.png", "id": "up", "date": "2024-02", "title": "x"}
  ],
  "directives": [
    {"document": "docs/missing.pdf", "id": "missing-doc", "date": "2023", "title": "x", "category": "Direktivë"},
    {"document": "https://www.mod.gov.al/x.pdf", "id": "url-doc", "date": "2023", "title": "x"},
    {"document": "docs/present.pdf", "id": "present-doc", "date": "2024-01-15", "title": "x", "category": "Direktivë"}
  ]
}
JSON
out=$("$TOOL" validate "$B/bundle.json"); code=$?
[ $code -eq 1 ] || { echo "FAIL: exit $code for a bundle with bad files"; fail=1; }
# An image given as a bare path has no alt text: a warning of its own (the files' checks follow).
expect_line "$out" "$B/bundle.json:6:15: warning: news[1].image: has no alt text"
out=$(grep -v 'has no alt text' <<<"$out")
expect_line "$out" "$B/bundle.json:5:63: error: news[0].date:"
expect_line "$out" "$B/bundle.json:7:15: error: news[2].image: \"images/missing.png\" does not exist"
expect_line "$out" "$B/bundle.json:8:15: error: news[3].image: \"images/truncated.png\" is truncated or damaged"
expect_line "$out" "$B/bundle.json:9:15: error: news[4].image: \"images/huge.png\" declares 100000 x 100000 pixels"
expect_line "$out" "$B/bundle.json:10:15: error: news[5].image: \"images/text.png\" is not a PNG or JPEG image"
expect_line "$out" "$B/bundle.json:11:15: error: news[6].image: \"images/outside.png\" leads outside the bundle's folder"
expect_line "$out" "$B/bundle.json:12:15: error: news[7].image: \"up/outside.png\" leads outside the bundle's folder"
expect_line "$out" "$B/bundle.json:15:18: error: directives[0].document: \"docs/missing.pdf\" does not exist"
grep -qE 'news\[(0|1)\]\.image|directives\[(1|2)\]' <<<"$out" && { echo "FAIL: a good or left-out item reported: $out"; fail=1; }
[ "$(wc -l <<<"$out")" -eq 8 ] || { echo "FAIL: expected 8 lines:"; echo "$out"; fail=1; }
# Relative to another working folder, files resolve against the bundle's folder, not the cwd.
(cd "$tmp" && "$TOOL" validate b/bundle.json) | grep -qF 'b/bundle.json:7:15: error: news[2].image:' ||
  { echo "FAIL: relative bundle path"; fail=1; }

# A file too large to be an image at all, and a bundle whose files are all fine.
head -c $((17 << 20)) /dev/zero > "$B/images/big.png"
sed -e 's|images/missing.png", "id": "missing"|images/big.png", "id": "missing"|' "$B/bundle.json" > "$B/big.json"
"$TOOL" validate "$B/big.json" | grep -qF "$B/big.json:7:15: error: news[2].image: \"images/big.png\" is larger than 16 MiB" ||
  { echo "FAIL: image over 16 MiB"; fail=1; }
python3 - "$B/bundle.json" "$B/good.json" <<'PY'
import json, sys
b = json.load(open(sys.argv[1]))
b["news"] = [dict(n, image={"src": n["image"], "alt": "Muzeu"}) for n in b["news"] if n["id"] == "good"]
b["directives"] = [d for d in b["directives"] if d["id"] != "missing-doc"]
json.dump(b, open(sys.argv[2], "w"), ensure_ascii=False, indent=1)
PY
out=$("$TOOL" validate "$B/good.json"); code=$?
[ $code -eq 0 ] && [ -z "$out" ] || { echo "FAIL: valid files: exit $code, '$out'"; fail=1; }

# ---- stats ----
out=$("$TOOL" stats "$ROOT/assets/bundle.json"); code=$?
[ $code -eq 0 ] || { echo "FAIL: stats exit $code"; fail=1; }
expect_line "$out" "news: 7 (left out because of errors: 0)"
expect_line "$out" "directives: 3 (left out because of errors: 0)"
expect_line "$out" "news dates: 2023-08 to 2024-01"
expect_line "$out" "directive dates: 2022-03 to 2024-01"
expect_line "$out" "mission: 4 paragraphs, 9 items"
expect_line "$out" "languages: sq (default), en"
expect_line "$out" "  en: none"
out=$("$TOOL" stats "$ROOT/tests/fixtures/bilingual.json"); code=$?
[ $code -eq 0 ] || { echo "FAIL: stats exit $code"; fail=1; }
expected_bilingual="bundle: $ROOT/tests/fixtures/bilingual.json
languages: sq (default), en
mission: 2 paragraphs, 4 items
news: 3 (left out because of errors: 0)
directives: 3 (left out because of errors: 0)
news dates: 2022 to 2024-01
directive dates: 2023-05 to 2024-02-10
tags: 2
  1  Bërzhitë
  1  muze
categories: 2
  2  Direktivë
  1  Strategji
missing translations:
  sq: none
  en: none"
[ "$out" == "$expected_bilingual" ] || { echo "FAIL: stats of bilingual.json:"; diff <(echo "$expected_bilingual") <(echo "$out"); fail=1; }
out=$("$TOOL" stats "$B/bundle.json"); code=$?
[ $code -eq 0 ] || { echo "FAIL: stats exit $code on a bundle with a left-out item"; fail=1; }
expect_line "$out" "news: 7 (left out because of errors: 1)"
expect_line "$out" "news dates: 2023-08-01 to 2024-02"
expect_line "$out" "directive dates: 2023 to 2024-01-15"
printf -v want_tags 'tags: 2\n  2  b\n  1  a'
expect_line "$out" "$want_tags"
printf -v want_missing '  en: 1 item\n    news good: summary'
expect_line "$out" "$want_missing"
out=$("$TOOL" stats "$tmp/bad.json" 2>&1); code=$?
[ $code -eq 1 ] || { echo "FAIL: stats exit $code on a bundle that cannot load"; fail=1; }
expect_line "$out" "$tmp/bad.json:3:17: error: not valid JSON"

# ---- --format json: one document for tools and CI, the same findings as the text ----
printf '{"format":"publication-bundle","version":1,"mission":{"title":"M\xff","paragraphs":[]},"news":[],"directives":[]}' > "$tmp/notutf8.json"
out=$("$TOOL" validate --format json "$ROOT/assets/bundle.json" "$tmp/bad.json" "$B/bundle.json" "$tmp/notutf8.json"); code=$?
[ $code -eq 1 ] || { echo "FAIL: validate --format json exit $code with invalid files"; fail=1; }
python3 - "$out" "$tmp/bad.json" <<'PY' || fail=1
import json, sys
r = json.loads(sys.argv[1])
assert r["valid"] is False, r["valid"]
files = r["files"]
assert [f["valid"] for f in files] == [True, False, False, False], [f["valid"] for f in files]
assert files[0]["errors"] == 0 and files[0]["diagnostics"] == []
bad = files[1]
assert bad["file"] == sys.argv[2] and bad["errors"] == 1, bad
d = bad["diagnostics"][0]
assert (d["severity"], d["line"], d["column"]) == ("error", 3, 17) and d["message"].startswith("not valid JSON"), d
assert any(x["path"].endswith(".image") for x in files[2]["diagnostics"]), files[2]
assert files[3]["errors"] >= 1  # the tool said what is wrong, and its report is still JSON
print("ok: validate --format json")
PY
"$TOOL" validate --format json "$ROOT/assets/bundle.json" >/dev/null || { echo "FAIL: json report of a valid bundle: exit $?"; fail=1; }
"$TOOL" validate --format >/dev/null 2>&1; [ $? -eq 2 ] || { echo "FAIL: validate --format without files: usage exit"; fail=1; }

# publish --out: the content as a published site; hash: the names' hashes; misuse: usage.
OUT=$(mktemp -d)
"$TOOL" publish "$ROOT/assets/bundle.json" --out "$OUT/content" || { echo "FAIL: publish --out: exit $?"; fail=1; }
[ -f "$OUT/content/manifest.json" ] || { echo "FAIL: publish --out wrote no manifest"; fail=1; }
for f in "$OUT"/content/*-*.json; do
  want=$(basename "$f" .json); want=${want##*-}
  [ "$("$TOOL" hash "$f")" = "$want" ] || { echo "FAIL: $(basename "$f") is not named by its hash"; fail=1; }
done
"$TOOL" publish "$ROOT/assets/bundle.json" --out "$OUT/again" && cmp -s "$OUT/content/manifest.json" "$OUT/again/manifest.json" \
  || { echo "FAIL: the same bundle published twice differs"; fail=1; }
"$TOOL" publish "$ROOT/assets/bundle.json" --site "$OUT" >/dev/null 2>&1; [ $? -eq 2 ] || { echo "FAIL: --site without --base-url: usage exit"; fail=1; }
"$TOOL" publish "$ROOT/assets/bundle.json" --outt "$OUT" >/dev/null 2>&1; [ $? -eq 2 ] || { echo "FAIL: unknown option: usage exit"; fail=1; }
"$TOOL" publish "$ROOT/assets/bundle.json" --out "$OUT/c" --site "$OUT" --base-url http://x --reads some >/dev/null 2>&1; [ $? -eq 2 ] \
  || { echo "FAIL: --reads of an unknown kind: usage exit"; fail=1; }
"$TOOL" hash "$OUT/none.json" >/dev/null 2>&1; [ $? -eq 1 ] || { echo "FAIL: hash of a missing file: exit 1"; fail=1; }
# --bundle-out: the images and documents the bundle names, beside it; a copy that fails fails the publish.
"$TOOL" publish "$ROOT/tests/fixtures/rich.json" --bundle-out "$OUT/served/bundle.json" --out "$OUT/served/content" \
  || { echo "FAIL: publish --bundle-out: exit $?"; fail=1; }
cmp -s "$ROOT/tests/fixtures/images/museum.png" "$OUT/served/images/museum.png" || { echo "FAIL: the bundle's image not copied beside it"; fail=1; }
cmp -s "$ROOT/tests/fixtures/docs/strategy-2024.pdf" "$OUT/served/docs/strategy-2024.pdf" || { echo "FAIL: the bundle's document not copied"; fail=1; }
mkdir -p "$OUT/blocked" && : >"$OUT/blocked/docs"  # a file where the documents' folder goes
out=$("$TOOL" publish "$ROOT/tests/fixtures/rich.json" --bundle-out "$OUT/blocked/bundle.json" --out "$OUT/blocked/content" 2>&1)
[ $? -eq 1 ] || { echo "FAIL: a copy that cannot be made: exit 1"; fail=1; }
expect_line "$out" "cannot copy"
# publish checks the bundle as validate does, the files it names included, before it writes anything.
out=$("$TOOL" publish "$B/bundle.json" --out "$OUT/refused/content" --bundle-out "$OUT/refused/bundle.json" 2>&1); code=$?
[ $code -eq 1 ] || { echo "FAIL: publish of a bundle naming a missing image: exit $code"; fail=1; }
expect_line "$out" "$B/bundle.json:7:15: error: news[2].image: \"images/missing.png\" does not exist"
expect_line "$out" "is not valid; nothing was written"
[ ! -e "$OUT/refused" ] || { echo "FAIL: a refused publish wrote $(ls -A "$OUT/refused")"; fail=1; }
"$TOOL" publish "$ROOT/assets/bundle.json" --out "$OUT/c" --app "$OUT" >/dev/null 2>&1; [ $? -eq 2 ] \
  || { echo "FAIL: --app without --site: usage exit"; fail=1; }
# --app: the built app's new files come before the pages; an earlier build's go only once the site
# is whole, so a publish that fails halfway leaves every page with the files it names.
APP=$OUT/app SITE=$OUT/site
mkdir -p "$APP" "$SITE"
printf '<!doctype html><html lang="sq"><head><title>x</title><!--page:head--><script src="boot.0123456789.js"></script></head><body><!--page:body--></body></html>' >"$APP/.page.html"
echo 'new' >"$APP/boot.0123456789.js"
echo 'old' >"$SITE/boot.9999999999.js"
: >"$SITE/en"  # a file where the English pages' folder goes: the pages cannot be written
"$TOOL" publish "$ROOT/assets/bundle.json" --site "$SITE" --base-url http://x --app "$APP" >/dev/null 2>&1
[ $? -eq 1 ] || { echo "FAIL: a publish whose pages cannot be written: exit 1"; fail=1; }
[ -f "$SITE/boot.0123456789.js" ] || { echo "FAIL: the new build's file was not copied before the pages"; fail=1; }
[ -f "$SITE/boot.9999999999.js" ] || { echo "FAIL: a failed publish removed the earlier build's file"; fail=1; }
rm "$SITE/en"
"$TOOL" publish "$ROOT/assets/bundle.json" --site "$SITE" --base-url http://x --app "$APP" >/dev/null 2>&1 \
  || { echo "FAIL: publish --app: exit $?"; fail=1; }
[ ! -e "$SITE/boot.9999999999.js" ] || { echo "FAIL: the earlier build's file is left after a whole publish"; fail=1; }
grep -q 'src="../boot.0123456789.js"' "$SITE/en/index.html" || { echo "FAIL: the pages are not made from the app's template"; fail=1; }
rm -rf "$OUT"
echo "ok: publish --out, --bundle-out, --app, hash"

count=0
for f in "$ROOT"/../shared/testdata/JSONTestSuite/test_parsing/*.json; do
  out=$(timeout 10 "$TOOL" validate "$f" 2>&1); code=$?
  count=$((count+1))
  if [ $code -ne 1 ] || [ -z "$out" ]; then echo "FAIL: $(basename "$f"): exit $code, output '$out'"; fail=1; fi
done
echo "JSONTestSuite: $count files checked"
[ $fail -eq 0 ] && echo "ok: mod-bundle"
exit $fail
