#!/usr/bin/env python3
"""Precompressed copies (FILE.gz with gzip, FILE.br with brotli) beside the originals, for
servers that send them as they are (nginx gzip_static, web/nginx.conf).

    precompress.py DIR [QUALITY [LIST [QUALITY LIST ...]]]

Without LIST: every file of DIR of the types below whose copies are missing or older than it,
and the copies of removed files go. With LIST (one path per line, as mod-bundle publish
--changed writes them): only those files, brotli at the QUALITY before each list; several lists
share the cores. QUALITY is brotli's (11 when none is given): the build's own files get the
best, scripts/publish asks less for the many files it writes (docs/performance.md,
"Publishing"). gzip is -9 for a whole folder (the build's files, made once, fetched by every
visitor) and -6 for listed files: on a large site's content parts -9 took five times as long for
0.6% (docs/performance.md).

The files go in batches of 200, one tool run per batch, as many batches at once as there are
cores; a copy is touched once made (both tools give it the original's time), so that the next
run finds it newer. A batch of fewer than 50 (a republish's) runs its gzip beside its brotli. A
file above 16 MiB (a large site's bundle.json, which its viewer does not read) is a job of its
own, gzip -4 beside brotli 3 at most: for 88 MB, gzip -9 4.2 s and brotli 5 2.5 s (19.5 MB)
become 1.4 s and 0.7 s (21.8 MB)."""
import concurrent.futures
import os
import re
import subprocess
import sys
import time

TYPES = re.compile(r".*\.(html|css|js|wasm|ttc|json|xml|atom|txt)$")
BATCH = 200
SIDE_BY_SIDE = 50
LARGE = 16 << 20


def fresh(path):
    """Its copies are there and newer than it."""
    try:
        made = os.stat(path).st_mtime_ns
        return os.stat(path + ".gz").st_mtime_ns > made and os.stat(path + ".br").st_mtime_ns > made
    except FileNotFoundError:
        return False


def compress(batch, quality, level, large=False):
    gzip = ["gzip", "-4" if large else f"-{level}", "-n", "-k", "-f", "--"] + batch
    brotli = ["brotli", "-q", str(min(quality, 3) if large else quality), "-f", "-k", "--"] + batch
    if len(batch) >= SIDE_BY_SIDE:
        subprocess.run(gzip, check=True)
        subprocess.run(brotli, check=True)
    else:
        beside = subprocess.Popen(gzip)
        try:
            done = subprocess.run(brotli).returncode
        finally:
            zipped = beside.wait()
        if zipped != 0 or done != 0:
            raise subprocess.CalledProcessError(1, "gzip -k/brotli -k " + batch[0] + (" and others" if len(batch) > 1 else ""))
    now = time.time_ns()
    for f in batch:
        for copy in (f + ".gz", f + ".br"):
            os.utime(copy, ns=(now, now))


def whole_folder(root):
    files = []
    for folder, _, names in os.walk(root):
        for name in names:
            path = os.path.join(folder, name)
            if name.endswith((".gz", ".br")):
                if TYPES.match(name[:-3]) and not os.path.exists(path[:-3]):
                    os.remove(path)  # the copy of a removed file
            elif TYPES.match(name):
                files.append(path)
    return files


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    root = argv[1]
    jobs = []
    if len(argv) <= 3:
        level = 9
        jobs.append((int(argv[2]) if len(argv) == 3 else 11, whole_folder(root)))
    else:
        level = 6
        pairs = argv[2:]
        if len(pairs) % 2:
            sys.exit("precompress: a LIST without its QUALITY")
        for quality, listed in zip(pairs[0::2], pairs[1::2]):
            with open(listed, encoding="utf-8") as f:
                names = [line.rstrip("\n") for line in f]
            jobs.append((int(quality), [n for n in names if TYPES.match(n) and os.path.isfile(n)]))  # removed since: none
    batches = []
    for quality, files in jobs:
        todo = [f for f in files if not fresh(f)]
        large = {f for f in todo if os.path.getsize(f) >= LARGE}
        todo = [f for f in todo if f not in large]
        batches += [([f], quality, level, True) for f in sorted(large)]  # first: the longest
        batches += [(todo[k:k + BATCH], quality, level) for k in range(0, len(todo), BATCH)]
    with concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 1) as pool:
        for future in [pool.submit(compress, *b) for b in batches]:
            try:
                future.result()
            except (subprocess.CalledProcessError, OSError) as e:
                sys.exit(f"precompress: {e}")


if __name__ == "__main__":
    main(sys.argv)
