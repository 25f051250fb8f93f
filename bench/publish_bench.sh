#!/usr/bin/env bash
# Publishing at scale (scripts/bench): a full publish of a 1,000-item bundle (the baseline) and of
# 50,000 news + 10,000 directives (the format's limits), each into a new folder, then the large
# one again unchanged and after one title changed. Prints seconds, peak memory, the files the
# site holds, its largest page and its sitemap files. Usage: bench/publish_bench.sh WORKDIR
set -uo pipefail
cd "$(dirname "$0")/.."
WORK=${1:?usage: bench/publish_bench.sh WORKDIR}
mkdir -p "$WORK"
gen() { /usr/bin/python3 bench/gen_bundle.py --news "$1" --directives "$2" --out "$3" "${@:4}" || exit 1; }
# "<seconds> s, <peak> MB peak" of one publish (the largest process: mod-bundle).
publish() {
  /usr/bin/time -f "%e %M" -o "$WORK/time" scripts/publish --no-build "$1" "$2" >"$WORK/publish.log" 2>&1 ||
    { tail -5 "$WORK/publish.log"; echo "publish_bench: publishing $1 failed"; return 1; }
  read -r secs kb <"$WORK/time"
  local counts
  counts=$(grep -o '[0-9]* files written, [0-9]* unchanged, [0-9]* removed' "$WORK/publish.log")
  printf '%-44s %7.1f s  %5d MB peak  (%s)\n' "$3" "$secs" $((kb / 1024)) "$counts"
}
gen 1000 150 "$WORK/bundle-1k.json"
gen 50000 10000 "$WORK/bundle-50k.json" --body 1200
# An earlier run's sites are moved aside and removed once the figures are taken: ext4 creating
# files just after 250,000 were removed spends its time looking past the freed inodes
# (recently_deleted, in perf), and the full publish measured 87-98 s instead of 52 s.
OLD=$(mktemp -d "$WORK/old.XXXXXX")
trap 'rm -rf "$OLD"' EXIT
for old in "$WORK"/site-1k "$WORK"/site-50k "$WORK"/old.*; do  # (a run stopped before its end left its old.*)
  [ ! -e "$old" ] || [ "$old" = "$OLD" ] || mv "$old" "$OLD/"
done
publish "$WORK/bundle-1k.json" "$WORK/site-1k" "1,000 news: full publish (baseline)" || exit 1
publish "$WORK/bundle-50k.json" "$WORK/site-50k" "50,000 + 10,000: full publish" || exit 1
echo "  the site: $(find "$WORK/site-50k" -type f | wc -l) files, $(du -sh "$WORK/site-50k" | cut -f1)"
largest=$(find "$WORK/site-50k" -name '*.html.gz' -printf '%s %P\n' | sort -n | tail -1)
echo "  the largest page: ${largest%% *} bytes gzipped (${largest#* }, 100 KB allowed)"
for f in "$WORK"/site-50k/sitemap*.xml; do
  echo "  ${f##*/}: $(grep -c '<loc>' "$f") addresses, $(($(stat -c %s "$f") / 1000)) KB"
done
publish "$WORK/bundle-50k.json" "$WORK/site-50k" "50,000 + 10,000: again, unchanged"
# One item's title changed (the first news item's English or only title).
/usr/bin/python3 - "$WORK/bundle-50k.json" <<'PY'
import re, sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
at = text.index('"news":[')
text = text[:at] + re.sub(r'("title":(?:\{"sq":"[^"]*","en":)?")', r'\1Retitled: ', text[at:], count=1)
open(path, "w", encoding="utf-8").write(text)
PY
publish "$WORK/bundle-50k.json" "$WORK/site-50k" "50,000 + 10,000: again, one title changed"
