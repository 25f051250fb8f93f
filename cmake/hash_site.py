#!/usr/bin/env python3
"""Names the site's program and style files by their content, so servers may cache them for a year.

    hash_site.py WEB_DIR LINK_DIR SITE

Copies app.css (from WEB_DIR, the repository's web/) and boot.js, render_worker.js (which esbuild
builds from web/page/ and web/render/), mod-viewer.js and .wasm (from LINK_DIR, where Emscripten
links) and fonts.ttc (copied there beside them) into SITE as name.<hash>.ext, <hash> being the first
10 hex digits of the file's SHA-256, and writes SITE/index.html from WEB_DIR/index.html with each
quoted reference to those six names replaced by the hashed one (boot.js reads the program's names
from its <script> tag's data- attributes). Then removes from SITE the unhashed names and the hashed
copies of earlier builds. A file whose bytes are already right is not rewritten, so its mtime holds
and precompression does not redo it. Also writes SITE/sw.js from WEB_DIR/sw.js with this deploy's
file list and version. cmake/web.cmake runs this on every build.
"""
import hashlib
import json
import os
import re
import sys

HASH_DIGITS = 10
SOURCES = {'app.css': 0, 'boot.js': 1, 'render_worker.js': 1, 'mod-viewer.js': 1, 'mod-viewer.wasm': 1, 'fonts.ttc': 1}  # 0: WEB_DIR, 1: LINK_DIR


def split(name):
    stem, ext = name.rsplit('.', 1)
    return stem, ext


def write_if_changed(path, data):
    try:
        with open(path, 'rb') as f:
            if f.read() == data:
                return
    except FileNotFoundError:
        pass
    tmp = os.path.join(os.path.dirname(path), '.' + os.path.basename(path) + '.tmp')
    with open(tmp, 'wb') as f:  # the umask's permissions, as any build output
        f.write(data)
    os.replace(tmp, path)  # never a half-written file under a name that claims its content


def main(web_dir, link_dir, site):
    os.makedirs(site, exist_ok=True)
    hashed = {}
    for name, where in SOURCES.items():
        src = os.path.join((web_dir, link_dir)[where], name)
        try:
            with open(src, 'rb') as f:
                data = f.read()
        except OSError as e:
            sys.exit(f'hash_site.py: cannot read {src}: {e.strerror}')
        stem, ext = split(name)
        hashed[name] = f'{stem}.{hashlib.sha256(data).hexdigest()[:HASH_DIGITS]}.{ext}'
        write_if_changed(os.path.join(site, hashed[name]), data)

    template = os.path.join(web_dir, 'index.html')
    with open(template, encoding='utf-8') as f:
        html = f.read()
    for name, new in hashed.items():
        html, count = re.subn(r'(?<=["\'])' + re.escape(name) + r'(?=["\'])', new, html)
        if count == 0:
            sys.exit(f'hash_site.py: {template} has no quoted reference to "{name}"')
    write_if_changed(os.path.join(site, 'index.html'), html.encode('utf-8'))
    # The same, for mod-bundle publish, which writes every page (index.html included) from it.
    write_if_changed(os.path.join(site, '.page.html'), html.encode('utf-8'))

    # The service worker keeps its name (browsers look for it there) and lists this deploy's
    # files; its version is their names' hash, so a new deploy is a new worker and a new cache.
    with open(os.path.join(web_dir, 'sw.js'), encoding='utf-8') as f:
        worker = f.read()
    names = sorted(hashed.values())
    version = hashlib.sha256(' '.join(names).encode()).hexdigest()[:HASH_DIGITS]
    worker, v = re.subn(r"^const VERSION = '[^']*';", "const VERSION = '%s';" % version, worker, flags=re.M)
    worker, p = re.subn(r"^const PRECACHE = \[\];", 'const PRECACHE = %s;' % json.dumps(names), worker, flags=re.M)
    if v != 1 or p != 1:
        sys.exit('hash_site.py: web/sw.js has no VERSION or PRECACHE line to fill')
    write_if_changed(os.path.join(site, 'sw.js'), worker.encode('utf-8'))

    # Whatever could still be loaded under an old name goes: unhashed copies (builds before
    # hashing wrote them) and hashed copies that are no longer current.
    stale = re.compile('|'.join(r'^%s(\.[0-9a-f]+)?\.%s$' % tuple(map(re.escape, split(n))) for n in SOURCES))
    current = set(hashed.values())
    for f in os.listdir(site):
        if stale.match(f) and f not in current:
            os.remove(os.path.join(site, f))


if __name__ == '__main__':
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
