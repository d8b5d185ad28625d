#!/usr/bin/env python3
"""Builds the labelled corpora of issue 4 from the Debian gettext catalogs of this machine.

Run from normalizer-service/: python3 src/test/corpus/build_corpus.py
Writes src/test/resources/corpus/language-corpus.tsv and dedup-corpus.jsonl (deterministic: seed 4).

Sentences are real human translations (msgstr) of the same English messages (msgid) across
languages, which also gives aligned translations for the "translations stay separate" negatives.
"""
import gettext, glob, json, os, random, re, unicodedata

LANGS = ["en", "de", "fr", "es", "it", "pt", "nl", "pl", "ru", "uk", "cs", "sv", "da", "fi", "hu",
         "tr", "ro", "el", "ja", "ko", "zh_CN", "ar", "he", "vi", "id", "bg", "hr", "sk", "ca", "th",
         "fa", "hi", "lt", "sl", "nb", "et", "lv", "sr", "eu", "ka"]
OUT = "src/test/resources/corpus"
SKIP = re.compile(r"iso_|libc|opcodes|bfd|binutils|gprof|ld\.mo|gas\.mo|pg_|libpq|psql|postgres|ecpg|initdb|plpgsql")
rnd = random.Random(4)


def clean(s):
    s = s.split("\x00")[0]
    s = re.sub(r"%(\d+\$)?[-+ #0]*\d*(\.\d+)?(l|ll|h|z|j|t)?[a-zA-Z%]", " ", s)
    s = re.sub(r"\{[^}]*\}|<[^>]*>|\$\w+|`[^']*'|'[^']*'|\"[^\"]*\"|«[^»]*»|„[^“]*“|“[^”]*”", " ", s)
    s = re.sub(r"[_&]", "", s)
    s = re.sub(r"\\[nt]|\s+", " ", s).strip(" :.-,")
    return s


def usable(s, msgid):
    if not s or s == msgid or len(s) < 12:
        return False
    if re.search(r"[/\\=@#|~^*\[\]()]|--|\.\w{2,4}\b|https?:|\d{2,}", s):
        return False
    letters = sum(ch.isalpha() for ch in s)
    return letters >= 0.75 * len(s.replace(" ", ""))


def catalog(lang):
    out = {}
    for f in sorted(glob.glob(f"/usr/share/locale/{lang}/LC_MESSAGES/*.mo")):
        if SKIP.search(os.path.basename(f)):
            continue
        try:
            cat = gettext.GNUTranslations(open(f, "rb"))._catalog
        except Exception:
            continue
        for k, v in cat.items():
            if isinstance(k, tuple) or not k or not isinstance(v, str):
                continue
            msgid = clean(k)
            text = clean(v)
            if usable(text, msgid) and msgid not in out:
                out[msgid] = unicodedata.normalize("NFC", text)
    return out


cats = {l: catalog(l) for l in LANGS}
english = {k: k for c in cats.values() for k in c if usable(k, None)}
cats["en"] = english
code = lambda l: l.split("_")[0]


def words(s):
    return len(s.split()) if code_of_space(s) else len(s) // 2


def code_of_space(s):
    return " " in s


os.makedirs(OUT, exist_ok=True)
# ---- language corpus: 60 titles alone and 60 title + summary per language ----------------------
lines = []
for l in LANGS:
    items = sorted(cats[l].values())
    rnd.shuffle(items)
    cjk = code(l) in ("ja", "zh", "th")
    titles = [s for s in items if (6 <= len(s) <= 40 if cjk else (3 <= len(s.split()) <= 12 and len(s) <= 90))]
    longs = [s for s in items if len(s) >= (40 if cjk else 70)]
    if len(titles) < 120 or len(longs) < 30:
        print("skip", l, len(titles), len(longs))
        continue
    for t in titles[:60]:
        lines.append(f"{code(l)}\ttitle\t{t}")
    for i in range(60):
        t = titles[60 + i]
        summary = longs[(2 * i) % len(longs)] + ". " + longs[(2 * i + 1) % len(longs)]
        lines.append(f"{code(l)}\tsummary\t{t}\\n{summary[:400]}")
with open(f"{OUT}/language-corpus.tsv", "w") as f:
    f.write("# language\tkind\ttext (\\n separates title and summary); built by src/test/corpus/build_corpus.py\n")
    f.write("\n".join(lines) + "\n")
print("language entries", len(lines), "languages", len({x.split()[0] for x in lines}))

# ---- dedup corpus --------------------------------------------------------------------------------
DLANGS = ["en", "de", "fr", "es", "ru", "it", "pt", "pl", "nl", "sv", "ja", "zh_CN", "th", "ko"]
aligned = [k for k in english if all(k in cats[l] for l in ("de", "fr", "es", "ru"))]
sentences = {l: sorted(set(s for s in cats[l].values() if len(s) >= (15 if code(l) in ("ja", "zh", "th") else 40))) for l in DLANGS}
for l in DLANGS:
    rnd.shuffle(sentences[l])
entries = []
seq = [0]


def entry(group, kind, feed, title, content, link, summary=None, enclosures=None, lang="en", html=False):
    seq[0] += 1
    e = {"group": group, "kind": kind, "entryKey": f"k{seq[0]:05d}", "feed": feed,
         "link": link, "title": title, "summary": summary, "content": content,
         "enclosures": enclosures or [], "lang": lang}
    if html:
        e["html"] = True  # content is HTML as the feed sent it, not text
    entries.append(e)


used = {l: 0 for l in DLANGS}
# sentences kept back for the hard negatives: same-topic pairs use the first ten languages (140
# sentences each), gallery captions English (70)
RESERVE = {l: 140 for l in DLANGS[:10]}
RESERVE["en"] += 70


def room(l):
    return len(sentences[l]) - used[l] - RESERVE.get(l, 0)


def take(l, n):
    i = used[l]
    used[l] += n
    pool = sentences[l]
    return [pool[(i + j) % len(pool)] for j in range(n)]


def join(l, ss):
    sep = "" if code(l) in ("ja", "zh") else " "
    end = "。" if code(l) in ("ja", "zh") else ("" if code(l) == "th" else ".")
    return sep.join(s + end for s in ss)


def article(l, n=8):
    ss = take(l, n)
    return ss, join(l, ss)


def edit(text):
    w = text.split(" ")
    if len(w) < 10:
        return text + " (updated)"
    for _ in range(2):
        i = rnd.randrange(len(w))
        w[i] = w[i].upper() if rnd.random() < 0.5 else w[i] + ","
    return " ".join(w).replace(" ,", ",")


feeds = [f"https://feed{i}.example/rss" for i in range(40)]
hosts = ["news.example.com", "www.daily.example", "herald.example.org", "wire.example.net"]
g = 0
kinds = ["content", "url", "wrapper", "edit", "truncated", "permalink"]
# 500 groups of every kind; a language whose sentences would run out (Korean, Thai) gives its turn
# to the next one, so that no sentence is in two groups
for i in range(500 * len(kinds)):
    turns = (DLANGS[(i + k) % len(DLANGS)] for k in range(len(DLANGS)))
    l = next(c for c in turns if room(c) >= 7)
    kind = kinds[i % len(kinds)]
    g += 1
    grp = f"g{g}"
    ss, body = article(l, 7)
    title = ss[0][:80]
    host = hosts[i % len(hosts)]
    link = f"https://{host}/2026/11/story-{g}"
    copies = 2 + (i % 3)
    f0 = rnd.sample(feeds, copies)
    entry(grp, kind, f0[0], title, body, link, lang=code(l))
    for c in range(1, copies):
        if kind == "content":
            entry(grp, kind, f0[c], title, body, f"https://mirror{c}.example/{g}", lang=code(l))
        elif kind == "url":
            variant = [f"http://{host}/2026/11/story-{g}/?utm_source=rss",
                       f"https://m.{host.removeprefix('www.')}/2026/11/story-{g}#comments",
                       f"https://{host}/2026/11/story-{g}/"][c % 3]
            entry(grp, kind, f0[c], title + " | " + ["Wire", "Daily", "Herald"][c % 3], ss[1][:60], variant, lang=code(l))
        elif kind == "wrapper":
            wrap = f"Anna shared this story from Site {c}: " if c % 2 else ""
            trailer = f" The post {title} first appeared on Blog {c}." if c % 2 == 0 else " Read more on the site."
            entry(grp, kind, f0[c], ss[1][:70], wrap + body + trailer, f"https://blog{c}.example/p/{g}", lang=code(l))
        elif kind == "edit":
            entry(grp, kind, f0[c], title + " (update)", edit(body), f"https://copy{c}.example/{g}", lang=code(l))
        elif kind == "truncated":
            cut = body[: max(120, len(body) * 2 // 5)].rsplit(" ", 1)[0] if " " in body else body[: len(body) // 2]
            entry(grp, kind, f0[c], title, cut + "… Read more", f"https://agg{c}.example/{g}", summary=None, lang=code(l))
        else:  # permalink: each copy links to its own permalink and appends it
            entry(grp, kind, f0[c], title, body + f" Permalink https://copy{c}.example/{g}", f"https://copy{c}.example/{g}", lang=code(l))

# hard negatives: same topic (title prefix + 2 background sentences), gallery items, translations
for i in range(100):
    l = DLANGS[i % 10]
    g += 1
    background = take(l, 2)
    prefix = "Election live: " if code(l) == "en" else "Live: "
    for j in range(2):
        own = take(l, 6)
        entry(f"g{g}-{j}", "neg-topic", rnd.choice(feeds), prefix + own[0][:50], join(l, background + own),
              f"https://topic.example/{g}/{j}", lang=code(l))
# Half the galleries carry their pictures as enclosures, the other half only as <img> in the
# content, each item with its own Feedburner tracking pixel and a credit line shared by all items.
for i in range(70):
    g += 1
    caption = take("en", 1)[0]
    for j in range(3):
        picture = f"https://img.example/{g}/{j}.jpg"
        if i % 2 == 0:
            entry(f"g{g}-{j}", "neg-gallery", feeds[i % 40], "Photos: the week in pictures", caption,
                  f"https://photos.example/{g}/{j}", enclosures=[picture], lang="en")
        else:
            html = (f'<figure><img src="{picture}" alt=""><figcaption>{caption}. Photograph: our'
                    f' staff photographer, for the gallery of the week in pictures.</figcaption></figure>'
                    f'<img src="http://feeds.feedburner.com/~r/photos/~4/{g}x{j}" height="1" width="1" alt="">')
            entry(f"g{g}-{j}", "neg-gallery", feeds[i % 40], "Photos: the week in pictures", html,
                  f"https://photos.example/{g}/{j}", lang="en", html=True)
for i in range(70):
    g += 1
    keys = rnd.sample(aligned, 6)
    for j, l in enumerate(["en", "de", "fr", "ru"][: 2 + i % 3]):
        ss = [cats[l][k] if l != "en" else k for k in keys]
        entry(f"g{g}-{l}", "neg-translation", feeds[(i + j) % 40], ss[0][:80], join(l, ss),
              f"https://intl.example/{l}/{g}", lang=l)

rnd.shuffle(entries)
with open(f"{OUT}/dedup-corpus.jsonl", "w") as f:
    for e in entries:
        f.write(json.dumps(e, ensure_ascii=False) + "\n")
dup_groups = len({e["group"] for e in entries if not e["kind"].startswith("neg")})
neg = len({e["group"] for e in entries if e["kind"].startswith("neg")})
print("dedup entries", len(entries), "duplicate groups", dup_groups, "negative groups", neg)
for k in kinds + ["neg-topic", "neg-gallery", "neg-translation"]:
    of_kind = [e for e in entries if e["kind"] == k]
    print(" ", k, "entries", len(of_kind), "groups", len({e["group"] for e in of_kind}))
print("sentences used", {l: f"{used[l]}/{len(sentences[l])}" for l in DLANGS})
