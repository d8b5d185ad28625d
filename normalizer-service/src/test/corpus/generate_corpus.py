#!/usr/bin/env python3
"""Builds the repair corpus of normalizer-service from real translated sentences.

Sentences come from Debian's installed gettext catalogs (/usr/share/locale/*/LC_MESSAGES/*.mo,
parsed here: the .mo format is a small table of offsets). Every broken case is made by applying a
real defect mechanism to a correct sentence, so the expected output is the sentence itself:
UTF-8 bytes decoded as Windows-1252 / Latin-1 / Windows-1250 / Windows-1251 / MacRoman / CP437,
twice, in one word only, with the no-break space byte lost, with undefined bytes replaced by U+FFFD,
written as hex escapes with and without backslashes, as \\uXXXX, as HTML references (named,
numeric, nested, of mojibake), and Windows-1252 punctuation read as C1 controls. Correct texts
(expected unchanged) are the sentences themselves, their ALL-CAPS forms and hand-picked hard cases.

Run from the module directory:  python3 src/test/corpus/generate_corpus.py
Writes src/test/resources/corpus/repair-corpus.jsonl (one JSON object per line:
category, lang, input, expected). Deterministic (fixed seed, sorted inputs).
"""
import glob
import html.entities
import json
import os
import random
import re
import struct
import sys
import unicodedata

LANGS = ["fr", "de", "es", "pt_BR", "pt", "it", "ca", "sv", "da", "nb", "fi", "nl", "pl", "cs",
         "sk", "hu", "ro", "hr", "sl", "tr", "vi", "lt", "lv", "et", "is", "ga", "eu", "ru", "uk",
         "bg", "sr", "el", "he", "ar", "fa", "ja", "zh_CN", "zh_TW", "ko", "ka", "th", "hi"]
PER_LANG = 40
OUT = os.environ.get("CORPUS_OUT", "src/test/resources/corpus/repair-corpus.jsonl")
# HOLDOUT=1 draws the next sentences of each language with another seed: unseen cases to check
# that the rule generalizes (not written to the test resources).
HOLDOUT = os.environ.get("HOLDOUT") == "1"
FIXTURE = "../../shared/fixtures/aggregator-page.txt"

INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u061c\u00ad]")


def read_mo(path):
    with open(path, "rb") as f:
        data = f.read()
    if len(data) < 28:
        return []
    magic = struct.unpack("<I", data[:4])[0]
    endian = "<" if magic == 0x950412DE else ">" if magic == 0xDE120495 else None
    if endian is None:
        return []
    _, n, orig, trans = struct.unpack(endian + "4I", data[4:20])
    out = []
    for i in range(n):
        length, offset = struct.unpack(endian + "2I", data[trans + 8 * i: trans + 8 * i + 8])
        raw = data[offset: offset + length]
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            continue
        out.append(text.split("\0")[0])
    return out


def acceptable(s):
    if not (25 <= len(s) <= 160):
        return False
    if any(c in s for c in "<>&\\\n\r\t%{}$_|@=") or INVISIBLE.search(s):
        return False
    if s != " ".join(s.split()) or unicodedata.normalize("NFC", s) != s:
        return False
    if re.search(r"x[0-9a-fA-F]{2}", s) or any(0x80 <= ord(c) <= 0x9F for c in s):
        return False
    if any(ord(c) < 0x20 or 0xD800 <= ord(c) <= 0xDFFF or ord(c) in (0xFFFD, 0xFFFE) for c in s):
        return False
    return True


def sentences(lang):
    found = set()
    for path in sorted(glob.glob(f"/usr/share/locale/{lang}/LC_MESSAGES/*.mo")):
        for s in read_mo(path):
            if acceptable(s):
                found.add(s)
    return sorted(found)


def sloppy_table(codec):
    table = []
    for b in range(256):
        try:
            table.append(bytes([b]).decode(codec))
        except UnicodeDecodeError:
            table.append(chr(b))
    return table


TABLES = {name: sloppy_table(codec) for name, codec in
          [("windows-1252", "cp1252"), ("windows-1250", "cp1250"), ("windows-1251", "cp1251"),
           ("mac-roman", "mac_roman"), ("cp437", "cp437"), ("latin-1", "latin-1")]}
STRICT = {"windows-1250": "cp1250", "windows-1251": "cp1251"}


def misread(text, name):
    data = text.encode("utf-8")
    if name in STRICT:
        try:
            return data.decode(STRICT[name])  # undefined bytes: a real decoder would fail
        except UnicodeDecodeError:
            return None
    return "".join(TABLES[name][b] for b in data)


def lossy(text):
    """UTF-8 read as strict Windows-1252 with replacement: undefined bytes become U+FFFD."""
    return text.encode("utf-8").decode("cp1252", errors="replace")


def lossy_expected(text):
    out = []
    for i, ch in enumerate(text):
        enc = ch.encode("utf-8")
        if any(b in (0x81, 0x8D, 0x8F, 0x90, 0x9D) for b in enc):
            nxt = text[i + 1] if i + 1 < len(text) else " "
            prev = text[i - 1] if i > 0 else " "
            if ch == "\u201d" and not nxt.isalnum() and not prev.isspace() and i > 0:
                out.append(ch)
            else:
                out.append("\ufffd")
        else:
            out.append(ch)
    return "".join(out)


def hex_escape(text, backslash):
    pre = "\\x" if backslash else "x"
    out = []
    for ch in text:
        if ord(ch) < 0x80:
            out.append(ch)
        else:
            out.append("".join(f"{pre}{b:02x}" for b in ch.encode("utf-8")))
    return "".join(out)


def u_escape(text):
    out = []
    for ch in text:
        if ord(ch) < 0x80:
            out.append(ch)
        elif ord(ch) > 0xFFFF:
            v = ord(ch) - 0x10000
            out.append(f"\\u{0xD800 + (v >> 10):04x}\\u{0xDC00 + (v & 0x3FF):04x}")
        else:
            out.append(f"\\u{ord(ch):04x}")
    return "".join(out)


def entities(text, style):
    out = []
    for ch in text:
        if ord(ch) < 0x80:
            out.append(ch)
            continue
        name = html.entities.codepoint2name.get(ord(ch))
        if style == "named" and name:
            out.append(f"&{name};")
        elif style == "named":
            out.append(f"&#{ord(ch)};")
        else:
            out.append(f"&#x{ord(ch):x};")
    return "".join(out)


def nest(text, levels):
    for _ in range(levels):
        text = text.replace("&", "&amp;")
    return text


def break_one_word(text, rnd):
    words = text.split(" ")
    idx = [i for i, w in enumerate(words) if any(ord(c) >= 0x80 for c in w)]
    if len(idx) < 2:
        return None
    i = rnd.choice(idx)
    words[i] = misread(words[i], "windows-1252")
    return " ".join(words)


def has_non_ascii(s):
    return any(ord(c) >= 0x80 for c in s)


def decode_fixture_line(line):
    def repl(m):
        data = bytes(int(h, 16) for h in re.findall(r"x([0-9a-f]{2})", m.group(0)))
        return data.decode("utf-8")
    return re.sub(r"(?:x(?:c[2-9a-f]|d[0-9a-f])x[89ab][0-9a-f]|xe[0-9a-f](?:x[89ab][0-9a-f]){2}"
                  r"|xf[0-4](?:x[89ab][0-9a-f]){3})+", repl, line)


def main():
    rnd = random.Random(20261128 + (1 if HOLDOUT else 0))
    cases = []

    def add(category, lang, inp, expected):
        if inp is not None and (category.startswith("correct") or inp != expected):
            cases.append({"category": category, "lang": lang, "input": inp, "expected": expected})

    langs_used = 0
    for lang in LANGS:
        pool = sentences(lang)
        if len(pool) < 10:
            continue
        langs_used += 1
        rnd.shuffle(pool)
        offset = PER_LANG if HOLDOUT else 0
        picked = [s for s in pool if has_non_ascii(s)][offset:offset + PER_LANG]
        for k, s in enumerate(picked):
            add("correct", lang, s, s)
            if k % 2 == 0:
                add("correct-allcaps", lang, s.upper(), s.upper())
            mech = k % 10
            add("mojibake-cp1252", lang, misread(s, "windows-1252"), s)
            if mech in (0, 5):
                add("mojibake-latin1", lang, misread(s, "latin-1"), s)
            if mech in (1, 6):
                add("mojibake-cp1250", lang, misread(s, "windows-1250"), s)
            if mech in (2, 7):
                add("mojibake-cp1251", lang, misread(s, "windows-1251"), s)
            if mech in (3, 8):
                add("mojibake-macroman", lang, misread(s, "mac-roman"), s)
            if mech == 4:
                add("mojibake-cp437", lang, misread(s, "cp437"), s)
            if mech in (0, 3, 6):
                add("mojibake-double", lang, misread(misread(s, "windows-1252"), "windows-1252"), s)
            if mech in (1, 4, 7):
                add("one-broken-word", lang, break_one_word(s, rnd), s)
            if mech == 9 and any(0x81 <= b <= 0x9D for b in s.encode("utf-8")):
                add("lossy-replacement", lang, lossy(s), lossy_expected(s))
            if mech in (2, 5):
                add("escaped-hex-stripped", lang, hex_escape(s, False), s)
            if mech == 8:
                add("escaped-hex-backslash", lang, hex_escape(s, True), s)
            if mech in (3, 9):
                add("escaped-unicode", lang, u_escape(s), s)
            if mech in (4, 9):
                add("entities-named", lang, entities(s, "named"), s)
            if mech == 6:
                add("entities-numeric-nested", lang, nest(entities(s, "hex"), 1 + k % 2), s)
            if mech == 7:
                add("entities-of-mojibake", lang, entities(misread(s, "windows-1252"), "named"), s)
            moji = misread(s, "windows-1252")
            if "\u00a0" in moji and mech in (0, 2, 4, 6, 8):
                add("lost-nbsp", lang, moji.replace("\u00a0", " "), s)

    # Windows-1252 punctuation read as C1 controls (Latin-1 decoding of Windows-1252 text)
    for lang in ("fr", "de", "es", "it", "nl", "sv"):
        c1 = [s for s in sentences(lang) if any(c in s for c in "’‘“”–—…„")]
        for s in c1[:25]:
            if True:
                try:
                    add("c1-controls", lang, s.encode("cp1252").decode("latin-1"), s)
                except UnicodeEncodeError:
                    pass
    # the defects of the aggregator page
    with open(FIXTURE, encoding="utf-8") as f:
        for line in f:
            line = " ".join(line.split())
            if re.search(r"x(?:c[2-9a-f]|d[0-9a-f]|e[0-9a-f]|f[0-4])x[89ab]", line):
                add("aggregator-page", "en", line, decode_fixture_line(line).strip("\u00a0 "))
            elif line and len(line) > 20:
                add("correct-aggregator", "en", line, line)

    hard = [
        "SÃO PAULO", "CÂMARA DOS DEPUTADOS APROVA O PROJETO", "naïve", "Moscow′s aggression",
        "JOSÉ’S BAR", "JOSÉ’", "«CAFÉ»", "«ÉTÉ»", "IRMÃ”", "Ã is the first letter of Ãnima",
        "x86 builds", "deadbeefxc3", "0xE280 is not a character", "\\x41 is A", "C:\\Users\\me",
        "√π ≈ 1.77245", "x² + y² = z²", "E = mc²", "½ cup of milk", "5 × 3 ÷ 2 ± 1",
        "Apple™ and Acme® © 2024", "It is 40°C in Sevilla", "¿Qué tal? ¡Muy bien!",
        "👨‍👩‍👧 family", "🇧🇷 Brasil", "😀😃😄", "מחיר: ₪45", "السعر 45 ريال",
        "for (int i = 0; i < n; i++) { sum += a[i]; }", "printf(\"%s\\n\", s);",
        "ŁÓDŹ KÓŁKO ŻÓŁW", "İSTANBUL'DA ŞEHİR", "ĐẶNG VĂN LÂM", "ÆØÅ æøå", "ÞÓRSHÖFN",
        "ÑOÑO AÑO", "ÇA VA?", "À BIENTÔT", "ÉCOLE NORMALE SUPÉRIEURE", "GRÜẞE AUS KÖLN",
        "Ångström", "Ærø", "Œuvre complète", "Škoda Octavia", "Žižek", "Łódź", "Øresund",
        "l’été dernier", "it’s “quoted” — really…", "„Guten Tag“", "‚einfach‘", "«Bonjour»",
        "‹single›", "Grüße aus München", "Ça va très bien", "São João del-Rei",
        "ПРІОРИТЕТ", "Рёбра", "ВЁСНА", "Всё хорошо", "Ђорђе Ђоковић", "Љубљана",
        "Ελληνικά ΑΘΗΝΑ", "日本語のテキスト", "中文文本", "한국어 텍스트", "ภาษาไทย",
        "हिन्दी पाठ", "ქართული ტექსტი", "Հայերեն", "x86_64-linux-gnu", "0x7fff5fbff8c8",
        "sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "Ã", "Â", "ÃO", "NÃO", "MÃE", "CÂMARA", "PÃO", "ÓRGÃOS PÚBLICOS", "AÇÃO", "INFORMAÇÕES",
        "Café Müller — Zürich", "x = a·b", "L·L (ela geminada)", "Il·lustració", "100 µm",
        "Price: £5 or €6 or ¥7", "§ 3 Abs. 2", "Mr. Müller’s “Straße”", "naïve résumé",
        "ÉTÉ 2021 – LES SOLDES", "CAFÉ’S MENU", "PERCHÉ?", "È VERO", "ÜBER’S", "MAÑANA’S SHOW",
    ]
    for h in hard:
        add("correct-hard", "mixed", h, h)

    cases.sort(key=lambda c: (c["category"], c["lang"], c["input"]))
    # drop exact duplicates of input
    seen = set()
    unique = []
    for c in cases:
        if c["input"] not in seen:
            seen.add(c["input"])
            unique.append(c)
    with open(OUT, "w", encoding="utf-8") as f:
        for c in unique:
            f.write(json.dumps(c, ensure_ascii=False) + "\n")
    counts = {}
    for c in unique:
        counts[c["category"]] = counts.get(c["category"], 0) + 1
    print(f"{len(unique)} cases, {langs_used} languages", file=sys.stderr)
    for k in sorted(counts):
        print(f"  {k}: {counts[k]}", file=sys.stderr)


if __name__ == "__main__":
    os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", ".."))
    main()
