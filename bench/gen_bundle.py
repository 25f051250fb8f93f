#!/usr/bin/python3
# Writes a large, valid publication bundle (docs/bundle-format.md) for the benchmarks: N news and
# M directives with Albanian/English text, tags, categories and dates over 2000-2025. Seeded, so
# the same arguments always give the same bytes.  Usage: gen_bundle.py --news N --directives M --out FILE
import argparse
import datetime
import json
import os
import random
import sys

SQ_WORDS = (
    "ministria mbrojtjes forcat armatosura shqiptare çështje stërvitje bashkëpunim sigurisë ushtarake "
    "përfaqësues zhvillim modernizim detare ajrore tokësore aleatët ceremonia përurimi ushtrimi shpëtim "
    "emergjencave zjarreve helikopterët mjeteve oficerët kadetët akademisë shtabit përgjithshëm ministri "
    "delegacioni takimi vizita marrëveshje mbështetje kapacitetet infrastrukturës kufirit misioni paqes "
    "rajonit partnerët strategjia planifikimi buxheti personelit trajnimi logjistikës komunikimit kibernetike "
    "mbrojtje mbrojtjen çështjet rëndësi përgatitje gatishmërinë njësitë batalioni brigada komanda veteranët "
    "muzeu historisë trashëgimisë kujtimit dëshmorëve përkushtim detyrës shërbimit qytetarëve vendit"
).split()
SQ_GLUE = "dhe në për me nga të së që si pas gjatë mbi drejt edhe".split()
EN_WORDS = (
    "ministry defence armed forces albanian issues exercise cooperation security military representatives "
    "development modernisation naval air land allies ceremony inauguration drill rescue emergencies wildfires "
    "helicopters equipment officers cadets academy general staff minister delegation meeting visit agreement "
    "support capabilities infrastructure border mission peace region partners strategy planning budget "
    "personnel training logistics communication cyber protection readiness units battalion brigade command "
    "veterans museum history heritage remembrance commitment duty service citizens country NATO"
).split()
EN_GLUE = "and in for with from of the that as after during on towards also".split()
PLACES = ["Bërzhitë", "Tiranë", "Durrës", "Vlorë", "Shkodër", "Korçë", "Gjirokastër", "Kuçovë", "Pashaliman",
          "Zall-Herr", "Rinas", "Përmet", "Kukës", "Elbasan", "Sarandë", "Lezhë", "Fier", "Berat"]
TAGS = ["NATO", "stërvitje", "bashkëpunim", "forcat-ajrore", "forcat-detare", "forcat-tokësore", "emergjenca",
        "kibernetike", "akademia", "veteranët", "muzeu", "Bërzhitë", "misione-paqeje", "infrastruktura",
        "modernizim", "KFOR", "EUFOR", "partneritet", "buxheti", "personeli", "zjarret", "shpëtim", "helikopterë",
        "kufiri", "rajoni", "SHBA", "Itali", "Greqi", "Kosovë", "Maqedoni-e-Veriut", "ceremoni", "trashëgimia",
        "exercise", "cooperation", "readiness", "training", "logistics", "cyber", "heritage", "deployment"]
CATEGORIES = ["Direktivë", "Strategji", "Urdhër", "Udhëzim", "Rregullore", "Plan", "Raport", "Marrëveshje"]
CATEGORY_EN = ["Directive", "Strategy", "Order", "Instruction", "Regulation", "Plan", "Report", "Agreement"]
ASCII = str.maketrans("ëçËÇ", "ecEC")


def sentence(rng, lang, lo=8, hi=18):
    words, glue = (SQ_WORDS, SQ_GLUE) if lang == "sq" else (EN_WORDS, EN_GLUE)
    out = []
    for i in range(rng.randint(lo, hi)):
        r = rng.random()
        out.append(rng.choice(PLACES) if r < 0.06 else rng.choice(glue) if r < 0.3 and i > 0 else rng.choice(words))
    s = " ".join(out)
    return s[0].upper() + s[1:] + rng.choice(".......;!?")[0].replace(";", ".")


def cut_words(s, limit):
    """s cut at the last word boundary before `limit` characters, ending with a full stop."""
    if len(s) <= limit:
        return s
    s = s[:s.rfind(" ", 0, limit)].rstrip(" ,.;!?")
    return s + "."


def text_of(rng, lang, lo, hi):
    """Whole sentences, about lo..hi characters in all, never a word cut in half."""
    target = rng.randint(lo, hi)
    s = sentence(rng, lang)
    while len(s) < target:
        s += " " + sentence(rng, lang)
    return cut_words(s, target + 1)


BODY = [1000, 3000]  # a body's length in characters, shortest and longest (--body)


def body_of(rng, lang, lo, hi):
    """Paragraphs separated by blank lines, lo..hi characters in all, most of them short."""
    target = int(rng.triangular(lo, hi, lo))
    paras, size = [], 0
    while size < target:
        p = text_of(rng, lang, 200, 600)
        paras.append(p)
        size += len(p) + 2
    return cut_words("\n\n".join(paras), max(target, lo))


def title_of(rng, lang):
    t = cut_words(sentence(rng, lang, 10, 20), rng.randint(45, 100)).rstrip(".!?")
    return t + (" në " if lang == "sq" else " in ") + rng.choice(PLACES)


def date_of(rng):
    day = datetime.date(2000, 1, 1) + datetime.timedelta(days=rng.randrange(26 * 365 + 6))
    r = rng.random()
    return day.isoformat() if r < 0.8 else day.isoformat()[:7] if r < 0.95 else day.isoformat()[:4]


def texts(rng, both, lo, hi, make):
    """A Text: {"sq", "en"} for bilingual items, else one string in one language."""
    if both:
        return {"sq": make(rng, "sq", lo, hi), "en": make(rng, "en", lo, hi)}
    return make(rng, rng.choice(["sq", "sq", "en"]), lo, hi)


def slug(s, n=40):
    s = "".join(c if c.isalnum() else "-" for c in s.lower().translate(ASCII) if c.isascii())
    return "-".join(p for p in s.split("-") if p)[:n].strip("-") or "x"


def news_item(rng, i):
    both = rng.random() < 0.5
    title = {"sq": title_of(rng, "sq"), "en": title_of(rng, "en")} if both else title_of(rng, rng.choice(["sq", "en"]))
    item = {"id": f"n{i:05d}-" + slug(title["en"] if both else title), "date": date_of(rng), "title": title,
            "summary": texts(rng, both, 200, 400, text_of),
            # Bodies in one language only (as most of the ministry's news): that keeps 20,000
            # items near 50 MB (50,000 near 125 MB), under the 128 MiB bundle limit.
            "body": texts(rng, False, BODY[0], BODY[1], body_of)}
    if rng.random() < 0.85:
        item["tags"] = sorted(set(rng.sample(TAGS, rng.randint(1, 5))))
    if rng.random() < 0.3:
        item["link"] = f"https://www.mod.gov.al/lajme/{item['id']}"
    return item


def directive(rng, i):
    both = rng.random() < 0.5
    c = rng.randrange(len(CATEGORIES))
    title = {"sq": title_of(rng, "sq"), "en": title_of(rng, "en")} if both else title_of(rng, "sq")
    item = {"id": f"d{i:04d}-" + slug(title["en"] if both else title), "date": date_of(rng), "title": title,
            "category": CATEGORIES[c] if rng.random() < 0.8 else CATEGORY_EN[c],
            "summary": texts(rng, both, 200, 400, text_of), "body": texts(rng, False, BODY[0], BODY[1], body_of)}
    if rng.random() < 0.7:
        item["document"] = f"https://www.mod.gov.al/dokumente/{item['id']}.pdf"
    return item


def base_bundle():
    """Languages, site title and mission from the default bundle, so the app shows the real mission."""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "assets", "bundle.json")
    try:
        with open(path, encoding="utf-8") as f:
            b = json.load(f)
        return {k: b[k] for k in ("languages", "site", "mission") if k in b}
    except (OSError, ValueError):
        return {"languages": ["sq", "en"], "mission": {"title": {"sq": "Misioni", "en": "Mission"},
                                                        "paragraphs": [{"number": "1", "text": "Mbrojtja e vendit."}]}}


def main():
    ap = argparse.ArgumentParser(description="Writes a large, valid, deterministic publication bundle.")
    ap.add_argument("--news", type=int, default=20000)
    ap.add_argument("--directives", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=6)
    ap.add_argument("--body", type=int, default=3000,
                    help="the longest body in characters (the shortest a third of it): 1200 keeps 50,000 + 10,000 items under the limit")
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    BODY[:] = [a.body // 3, a.body]
    rng = random.Random(a.seed)
    news = [news_item(rng, i) for i in range(a.news)]
    dirs = [directive(rng, i) for i in range(a.directives)]
    head = {"format": "publication-bundle", "version": 1, **base_bundle()}

    def dump(v):
        return json.dumps(v, ensure_ascii=False, separators=(",", ":"))

    # One item per line: diffable and close to what an editor's export looks like, without the
    # size of full indentation.
    parts = ["{"] + [f'"{k}":{dump(v)},' for k, v in head.items()]
    parts.append('"news":[\n' + ",\n".join(dump(n) for n in news) + "\n],")
    parts.append('"directives":[\n' + ",\n".join(dump(d) for d in dirs) + "\n]}")
    data = "\n".join(parts).encode("utf-8") + b"\n"
    if len(data) > 128 << 20:  # core/limits.h kMaxFileBytes
        sys.exit(f"gen_bundle: {len(data)} bytes is over the 128 MiB bundle limit; ask for fewer items")
    tmp = a.out + ".tmp"
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, a.out)
    print(f"gen_bundle: {a.out}: {a.news} news, {a.directives} directives, {len(data) / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
