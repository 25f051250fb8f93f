#!/usr/bin/python3
"""A bundle that uses every form of the format (images with words, directives with their
documents, number and history, labels in two languages, hostile characters) published with
scripts/publish, then read by real checkers: the Nu HTML Checker over every page, xmllint over
the feeds and the sitemap, a JSON reader over each page's JSON-LD; and no file of the site
carries a hostile character (a C0 control but tab and newline, U+FFFE/U+FFFF, a bidi override
or isolate), as itself or as a JSON escape.

    published_checks.py ROOT   (the repository; needs build/web and build/native/mod-bundle)
"""
import html.parser
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

root = Path(sys.argv[1]).resolve()
BASE = "https://mod.example.al"
VNU = root / "tests/web/node_modules/vnu-jar/build/dist/vnu.jar"
failures = []


def check(ok, what):
    if not ok:
        failures.append(what)
        print("FAIL:", what)


def hostile(cp):
    return (cp < 0x20 and cp not in (0x09, 0x0A)) or cp in (0xFFFE, 0xFFFF) or 0x202A <= cp <= 0x202E or 0x2066 <= cp <= 0x2069


ESCAPE = re.compile(r'(?<!\\)(?:\\\\)*\\(?:u([0-9a-fA-F]{4})|[bfr])')


class Page(html.parser.HTMLParser):
    """The parts of a page these checks read: its JSON-LD, meta properties, figures."""

    def __init__(self):
        super().__init__()
        self.ld, self.meta, self.imgs, self.captions, self.text = [], {}, [], [], []
        self._in = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "script" and a.get("type") == "application/ld+json":
            self._in = "ld"
            self.ld.append("")
        elif tag == "figcaption":
            self._in = "caption"
            self.captions.append("")
        elif tag == "meta" and "property" in a:
            self.meta[a["property"]] = a.get("content", "")
        elif tag == "img":
            self.imgs.append(a)

    def handle_endtag(self, tag):
        if tag in ("script", "figcaption"):
            self._in = None

    def handle_data(self, data):
        if self._in == "ld":
            self.ld[-1] += data
        elif self._in == "caption":
            self.captions[-1] += data
        self.text.append(data)


def read_page(path):
    p = Page()
    p.feed(path.read_text(encoding="utf-8"))
    p.ld = [json.loads(x) for x in p.ld]  # a JSON-LD that does not parse fails here
    p.all_text = " ".join(p.text)
    return p


with tempfile.TemporaryDirectory() as tmp:
    site = Path(tmp) / "site"
    run = subprocess.run([str(root / "scripts/publish"), "--no-build", str(root / "tests/fixtures/rich.json"), str(site),
                          "--base-url", BASE], capture_output=True, text=True)
    check(run.returncode == 0, "scripts/publish: " + run.stderr[-2000:])
    for w in ["news[0].title.sq: holds U+0000", "news[0].summary.en: holds U+202E", "news[1].image: has no alt text",
              "directives[0].documents[1].title.en: holds U+2069", "directives[0].changes[1].note.en: holds U+001B"]:
        check(w in run.stderr, f"validate warns: {w}")

    pages = sorted(p for p in site.rglob("*.html") if not p.name.startswith("."))
    check(len(pages) >= 20, f"pages published: {len(pages)}")

    # The Nu HTML Checker, every page: no error.
    nu = subprocess.run(["java", "-jar", str(VNU), "--errors-only", *map(str, pages)], capture_output=True, text=True)
    check(nu.returncode == 0 and not nu.stderr.strip() and not nu.stdout.strip(), "Nu HTML Checker: " + (nu.stderr + nu.stdout)[:3000])

    # Well-formed XML: the sitemap and each language's feed.
    xml = [site / "sitemap.xml", *sorted(site.glob("*/feed.atom"))]
    lint = subprocess.run(["xmllint", "--noout", *map(str, xml)], capture_output=True, text=True)
    check(lint.returncode == 0 and len(xml) == 3, "xmllint: " + lint.stderr[:2000])

    # No hostile character in any file of the site's text, as itself or as a JSON escape.
    for f in sorted(site.rglob("*")):
        if not f.is_file() or f.suffix not in (".html", ".json", ".xml", ".atom", ".txt", ".js", ".css"):
            continue
        text = f.read_text(encoding="utf-8")
        bad = sorted({f"U+{ord(c):04X}" for c in text if hostile(ord(c))})
        if f.suffix == ".json":
            bad += [m.group(0) for m in ESCAPE.finditer(text) if m.group(1) is None or hostile(int(m.group(1), 16))]
        check(not bad, f"{f.relative_to(site)} carries {bad[:5]}")

    # Images with words: <img alt> in a <figure> with its caption and credit; og:image:alt.
    en_item = read_page(site / "en/news/museum-hall/index.html")
    check(any(i.get("alt") == "The museum's hall with two tanks" and i.get("width") == "160" for i in en_item.imgs),
          f"the English item's figure: {en_item.imgs}")
    check(en_item.captions == ["The new hall, opened in March — Foto: MM"], f"its figcaption: {en_item.captions}")
    check(en_item.meta.get("og:image:alt") == "The museum's hall with two tanks", f"og:image:alt: {en_item.meta}")
    sq_item = read_page(site / "sq/news/museum-hall/index.html")
    check(any(i.get("alt") == "Salla e muzeut me dy tanke" for i in sq_item.imgs), "the Albanian item's alt text")

    # Labels in every language: English words on the English pages, filters keyed by the first language's.
    check("Air Force" in en_item.all_text and "Forcat Ajrore" not in en_item.all_text, "English tags on the English item")
    en_dirs = (site / "en/directives/index.html").read_text(encoding="utf-8")
    check("Directive (1)" in en_dirs and "category=Direktiv%C3%AB" in en_dirs, "the English category chip, keyed by its Albanian word")
    en_news = (site / "en/news/index.html").read_text(encoding="utf-8")
    check("#Air Force" in en_news and "tag=Forcat%20Ajrore" in en_news, "the English tag chip, keyed by its Albanian word")

    # The structured data of each kind of page.
    article = en_item.ld[0]
    check(article.get("@context") == "https://schema.org" and article.get("@type") == "NewsArticle", f"NewsArticle: {article}")
    for key in ("headline", "datePublished", "dateModified", "inLanguage", "publisher", "author"):
        check(key in article, f"NewsArticle.{key}")
    check(article.get("image") == BASE + "/images/museum.png", f"NewsArticle.image, absolute: {article.get('image')}")
    check(article.get("inLanguage") == "en" and article.get("headline") == "The museum's new hall in Bërzhitë", "NewsArticle's words")
    law = read_page(site / "en/directives/strategy-2024/index.html")
    leg = law.ld[0]
    check(leg.get("@type") == "Legislation" and leg.get("legislationIdentifier") == "Nr. 17/2024", f"Legislation: {leg}")
    check(leg.get("dateModified") == "2024-04-02" and leg.get("legislationType") == "Directive", "Legislation's last change and type")
    files = {e.get("contentUrl"): e for e in leg.get("encoding", [])}
    local = files.get(BASE + "/docs/strategy-2024.pdf", {})
    check(local.get("encodingFormat") == "application/pdf" and local.get("contentSize"), f"a document's type and size: {local}")
    check("https://www.mod.gov.al/files/strategy-2024-en.pdf" in files, "the document elsewhere")
    mission = read_page(site / "en/index.html").ld[0]
    check(mission.get("@type") == "GovernmentOrganization" and mission.get("name") == "Ministry of Defence", f"mission: {mission}")
    for p in pages:
        check(len(read_page(p).ld) == 1, f"{p.relative_to(site)}: one JSON-LD")

    # Directives with their documents: type, size and language; the history under the body.
    text = law.all_text
    check("PDF, 42 B, Shqip" in text and "PDF, English" in text, "the documents' notes")
    check("Nr. 17/2024" in text and "2 April 2024 — Annex B added." in text, "the number and the history")
    feed = (site / "en/feed.atom").read_text(encoding="utf-8")
    entry = feed[feed.index("<id>" + BASE + "/en/directives/strategy-2024/"):]
    check("<updated>2024-04-02T00:00:00Z</updated>" in entry[:entry.index("</entry>")], "the directive's feed entry follows its last change")
    check('rel="enclosure" type="image/png"' in feed and "title=\"The museum&#39;s hall with two tanks\"" in feed,
          "the feed's image with its alt text")
    served = json.loads((site / "bundle.json").read_text(encoding="utf-8"))
    check(served["directives"][0]["documents"][0].get("type") == "PDF" and served["directives"][0]["documents"][0].get("bytes") == 42,
          "bundle.json's document has its type and size")

print("published checks: ok" if not failures else f"published checks: {len(failures)} failures")
sys.exit(1 if failures else 0)
