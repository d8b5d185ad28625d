#!/usr/bin/env python3
"""Builds the news dedup corpus of normalizer-service: stories written for the project.

The main dedup corpus (build_corpus.py) is made of translated software messages, so that it can
be large and cover 20+ languages. This one is small but reads like news: wire stories re-published
by other sites the way sites really do it (another headline, a wire trailer, an aggregator
wrapper, a truncated feed summary, a copy-edited version, tracking parameters on the link), and the
cases that must stay apart: a follow-up that repeats the first story's background paragraph, a
live blog reusing one headline for another event, a translation, and photo-gallery items sharing
a caption. Places, people and figures are invented.

Run from the module directory:  python3 src/test/corpus/build_news_dedup.py
Writes src/test/resources/corpus/news-dedup.jsonl (same fields as dedup-corpus.jsonl).
"""
import json
import os

OUT = os.environ.get("CORPUS_OUT", "src/test/resources/corpus/news-dedup.jsonl")

STORIES = [
    # (slug, lang, title, paragraphs)
    ("budget", "en", "Harborview council passes budget with 3% tax rise", [
        "The Harborview city council voted 7-2 late Tuesday to approve a $1.2 billion budget that raises property taxes by 3 percent and pays for 40 new police officers.",
        "Mayor Linda Ortiz said the plan keeps every branch library open and closes a $60 million gap left by falling sales-tax revenue.",
        "Opponents argued that the increase would hurt retirees on fixed incomes, and more than 80 residents signed up to speak during a public hearing that lasted past midnight.",
        "The budget takes effect on July 1. The council agreed to revisit the tax rate next spring, after the county publishes new property assessments.",
    ]),
    ("pill", "en", "Regulators approve first over-the-counter birth control pill", [
        "Federal regulators on Thursday approved the first birth control pill that can be sold without a prescription, a decision that will put it on drugstore shelves next to condoms and pain relievers.",
        "The once-a-day pill has been available by prescription for five decades. Its maker said it would reach stores early next year but did not announce a price.",
        "Medical groups have pushed for the change for years, arguing that the pill is safer than many drugs already sold over the counter.",
        "Some religious groups criticised the decision and said young teenagers should not be able to buy contraceptives without seeing a doctor.",
    ]),
    ("quake", "en", "Magnitude 6.1 earthquake shakes coastal Veloria", [
        "A magnitude 6.1 earthquake struck off the coast of Veloria early on Sunday, cracking buildings in the port city of Santa Irene and cutting power to about 200,000 homes.",
        "The national seismic institute said the quake hit at 4:12 a.m. at a depth of 35 kilometres, roughly 60 kilometres west of the city.",
        "Two people were killed when a wall collapsed in an old market district, and at least 45 were treated in hospitals for cuts and broken bones, the civil protection agency said.",
        "Authorities briefly issued a tsunami warning for the coast but lifted it after an hour when tide gauges showed only small changes in sea level.",
    ]),
    ("rail", "en", "Rail strike halts trains across the country", [
        "Train drivers walked off the job at midnight on Friday in a dispute over pay and rosters, halting almost all passenger services for the first time in eleven years.",
        "The drivers' union is asking for a 9 percent raise over two years, while the state rail operator has offered 5 percent together with a one-off payment.",
        "Commuters crowded onto buses and ferries on Friday morning, and traffic on the main motorway into the capital was backed up for more than 20 kilometres.",
        "Talks are due to resume on Monday under a government mediator. The union has said the strike will continue until a new offer is put on the table.",
    ]),
    ("ice", "en", "Lunar orbiter finds signs of water ice near south pole", [
        "A lunar orbiter has detected what scientists say are the clearest signs yet of water ice in permanently shadowed craters near the Moon's south pole.",
        "The spacecraft's radar picked up reflections consistent with ice mixed into the soil to a depth of at least two metres, the mission team reported in a journal article published on Wednesday.",
        "Water ice could one day supply drinking water, oxygen and rocket fuel for astronauts, which is why several space agencies plan to land near the pole this decade.",
        "Independent researchers cautioned that rough ground can produce similar radar echoes, and said a lander would be needed to confirm the finding.",
    ]),
    ("wildfire", "en", "Wildfire forces thousands to flee hill towns", [
        "A fast-moving wildfire driven by strong winds forced more than 6,000 people to leave their homes in the hills east of Caldera Springs on Saturday.",
        "Firefighters said the blaze had burned about 4,500 hectares by evening and was 10 percent contained. At least 30 houses and several barns were destroyed.",
        "Gusts of up to 90 kilometres per hour grounded water-dropping aircraft for most of the afternoon, the regional fire service said.",
        "Evacuation centres opened at two high schools, and the state governor declared an emergency to release funds for the response.",
    ]),
    ("chips", "en", "Chipmaker to build $8 billion plant in Northfield", [
        "Semiconductor maker Quantica said on Monday that it would build an $8 billion chip factory in Northfield, creating about 3,000 jobs when it opens in 2029.",
        "The company chose the site over two rivals after the state promised $600 million in tax breaks and a new water treatment plant to supply the factory.",
        "Construction is expected to start in the spring and employ roughly 5,000 workers at its peak, Quantica's chief executive told reporters at the announcement.",
        "Environmental groups said they would study the plant's water use, which they estimated at several million litres a day.",
    ]),
    ("museum", "en", "Stolen painting recovered after 30 years", [
        "A landscape painting stolen from the Westbury Museum of Art in 1994 has been recovered in a private home and will return to the museum's walls next month, police said on Tuesday.",
        "Detectives traced the work after an auction house flagged it when a relative of the late owner tried to sell it last year.",
        "The canvas, painted in 1887, was cut from its frame during a night-time break-in that was never solved. It was found rolled up in a cupboard but only lightly damaged.",
        "No charges will be filed, because the man who kept the painting died in 2019 and his family said they had not known it was stolen.",
    ]),
    ("haushalt", "de", "Stadtrat beschließt Haushalt mit höherer Grundsteuer", [
        "Der Stadtrat von Lindenau hat am Dienstagabend mit 31 zu 12 Stimmen den Haushalt für das kommende Jahr beschlossen, der eine höhere Grundsteuer und 25 neue Stellen im Ordnungsamt vorsieht.",
        "Oberbürgermeisterin Petra Wendt sagte, ohne die Erhöhung hätten Schwimmbäder und Stadtteilbibliotheken geschlossen werden müssen.",
        "Die Opposition kritisierte, die Stadt habe zu spät gespart, und kündigte an, die Steuer im Wahlkampf zum Thema zu machen.",
        "Der Haushalt muss noch von der Kommunalaufsicht genehmigt werden, was nach Angaben der Verwaltung bis Ende Februar geschehen soll.",
    ]),
    ("greve", "fr", "Grève des contrôleurs aériens : des centaines de vols annulés", [
        "Des centaines de vols ont été annulés jeudi dans les aéroports du sud du pays en raison d'une grève des contrôleurs aériens, qui protestent contre une réforme de leurs horaires.",
        "La direction de l'aviation civile a demandé aux compagnies de réduire de moitié leurs programmes à Marsanne et à Port-Aurel jusqu'à samedi matin.",
        "Les syndicats dénoncent un manque d'effectifs chronique et affirment que la réforme allongerait les nuits de travail sans compensation.",
        "Le ministre des Transports a appelé à la reprise du dialogue et a promis de recevoir les représentants des contrôleurs lundi.",
    ]),
    ("sequia", "es", "La sequía obliga a restringir el agua en veinte municipios", [
        "El gobierno regional anunció el lunes restricciones al consumo de agua en veinte municipios del interior, donde los embalses se encuentran por debajo del 18 por ciento de su capacidad.",
        "Las medidas prohíben regar jardines, llenar piscinas y lavar coches con manguera, y reducen la presión de la red durante la noche.",
        "Los agricultores de la zona advirtieron que la cosecha de cereal podría caer a la mitad si no llueve antes de la primavera.",
        "Las autoridades estudian traer agua en barco desde otras cuencas si la situación empeora durante el verano.",
    ]),
    ("ferry", "en", "Ferry runs aground off Kestrel Island, all passengers rescued", [
        "A passenger ferry carrying 212 people ran aground off Kestrel Island on Wednesday evening, and all passengers and crew were taken off safely by lifeboats and fishing vessels.",
        "The coast guard said the ferry struck a sandbank in poor visibility about two kilometres from the island's harbour, and a small amount of fuel leaked into the sea.",
        "Eleven passengers were treated for mild hypothermia. The ferry operator suspended the route and said it would cooperate with the accident investigators.",
        "Salvage crews plan to refloat the vessel at high tide on Friday once the remaining fuel has been pumped out.",
    ]),
]

# Copy edits a re-publishing site makes: a few words, the facts unchanged.
EDITS = {
    "budget": [("late Tuesday", "on Tuesday night"), ("pays for", "funds"), ("retirees", "pensioners")],
    "pill": [("on Thursday", "Thursday"), ("drugstore shelves", "pharmacy shelves"), ("criticised", "criticized")],
    "quake": [("early on Sunday", "early Sunday"), ("were treated in hospitals", "were hospitalised")],
    "rail": [("walked off the job", "went on strike"), ("crowded onto", "packed")],
    "ice": [("has detected", "has spotted"), ("cautioned", "warned")],
    "wildfire": [("forced more than", "drove more than"), ("was 10 percent contained", "was only 10 percent contained")],
    "chips": [("said on Monday", "announced Monday"), ("roughly", "about")],
    "museum": [("police said on Tuesday", "police said Tuesday"), ("lightly damaged", "slightly damaged")],
    "haushalt": [("am Dienstagabend", "am Dienstag"), ("kritisierte", "bemängelte")],
    "greve": [("Des centaines de", "Plusieurs centaines de"), ("a promis", "s'est engagé")],
    "sequia": [("anunció el lunes", "anunció este lunes"), ("advirtieron", "alertaron")],
    "ferry": [("Wednesday evening", "Wednesday night"), ("mild hypothermia", "minor hypothermia")],
}

FOLLOW_UPS = {
    # a later story that repeats the first one's opening as background (must stay apart)
    "budget": ("Harborview council rejects plan to rename Main Street", [
        "The Harborview city council voted 7-2 late Tuesday to approve a $1.2 billion budget that raises property taxes by 3 percent and pays for 40 new police officers.",
        "On Wednesday the same council turned down, by five votes to four, a proposal to rename Main Street after former mayor Gus Pappas, who died in March.",
        "Council member Ray Chen said residents had not been consulted. Supporters of the idea promised to bring it back with a public survey next year.",
    ]),
    "quake": ("Aftershock damages hospital in Santa Irene", [
        "A magnitude 6.1 earthquake struck off the coast of Veloria early on Sunday, cracking buildings in the port city of Santa Irene and cutting power to about 200,000 homes.",
        "A strong aftershock on Tuesday afternoon damaged the city's main hospital, where engineers found new cracks in a wing that had been cleared after the first quake.",
        "Patients were moved to a military field hospital set up in a football stadium, and the health ministry said no one was hurt during the transfer.",
    ]),
    "rail": ("Rail strike ends as drivers accept new offer", [
        "Train drivers walked off the job at midnight on Friday in a dispute over pay and rosters, halting almost all passenger services for the first time in eleven years.",
        "On Tuesday the union's members voted to accept an improved offer of 7 percent over two years, and the first trains were expected to run on Wednesday morning.",
        "The rail operator said it would take until the weekend to return to a full timetable, because many trains were parked away from their usual depots.",
    ]),
    "wildfire": ("Residents return home as wildfire is contained", [
        "A fast-moving wildfire driven by strong winds forced more than 6,000 people to leave their homes in the hills east of Caldera Springs on Saturday.",
        "A week later, firefighters declared the fire fully contained, and most residents were allowed back, although roads near the burned ridge stayed closed.",
        "Insurance assessors began visiting the 41 homes that were destroyed, and the county opened a centre to help owners apply for emergency grants.",
    ]),
    "ice": ("Second team disputes lunar ice finding", [
        "A lunar orbiter has detected what scientists say are the clearest signs yet of water ice in permanently shadowed craters near the Moon's south pole.",
        "A team at the Ostrava Planetary Institute now argues that the radar echoes are better explained by fields of boulders, after modelling the crater floors in three dimensions.",
        "The original mission team said it welcomed the analysis and would publish additional data from a second radar frequency later this year.",
    ]),
    "ferry": ("Ferry refloated and towed to port", [
        "A passenger ferry carrying 212 people ran aground off Kestrel Island on Wednesday evening, and all passengers and crew were taken off safely by lifeboats and fishing vessels.",
        "Salvage crews refloated the vessel on Friday's high tide and two tugs towed it to the mainland port of Grayhaven, where divers will inspect the hull.",
        "The operator said a replacement ship would take over the island route from Monday, with one fewer crossing each day until the ferry is repaired.",
    ]),
}

TRANSLATIONS = {
    # the same story told in another language: a separate story (translations stay apart)
    "budget": ("de", "Stadtrat von Harborview beschließt Haushalt mit Steuererhöhung", [
        "Der Stadtrat von Harborview hat am späten Dienstag mit 7 zu 2 Stimmen einen Haushalt von 1,2 Milliarden Dollar beschlossen, der die Grundsteuer um 3 Prozent erhöht und 40 neue Polizeistellen finanziert.",
        "Bürgermeisterin Linda Ortiz sagte, der Plan halte alle Stadtteilbibliotheken offen und schließe eine Lücke von 60 Millionen Dollar.",
        "Gegner argumentierten, die Erhöhung treffe Rentner mit festem Einkommen.",
    ]),
    "quake": ("es", "Un terremoto de magnitud 6,1 sacude la costa de Veloria", [
        "Un terremoto de magnitud 6,1 sacudió la costa de Veloria en la madrugada del domingo, agrietó edificios en la ciudad portuaria de Santa Irene y dejó sin electricidad a unos 200.000 hogares.",
        "El instituto sismológico nacional informó de que el sismo se produjo a las 4.12 a una profundidad de 35 kilómetros.",
        "Dos personas murieron al derrumbarse un muro en un antiguo mercado y al menos 45 fueron atendidas en hospitales.",
    ]),
    "greve": ("en", "Air traffic controllers' strike grounds hundreds of flights", [
        "Hundreds of flights were cancelled on Thursday at airports in the south of the country because of a strike by air traffic controllers protesting against a reform of their working hours.",
        "The civil aviation authority asked airlines to halve their schedules at Marsanne and Port-Aurel until Saturday morning.",
        "Unions point to a chronic lack of staff and say the reform would lengthen night shifts without compensation.",
    ]),
}

SAME_TITLE_OTHER_EVENT = [
    # live blogs and briefs reuse one headline for different events
    ("Live updates: storm Ilka", "Storm Ilka brought gusts of 120 kilometres per hour to the northern coast on Monday, uprooting trees and closing three bridges. Ferries between the islands were cancelled for the day and schools in four districts stayed shut."),
    ("Live updates: storm Ilka", "Flood water from the river Aller reached the old town of Brennmark on Wednesday, two days after storm Ilka passed. Volunteers filled sandbags overnight, and the army sent 300 soldiers to help reinforce the dikes along the eastern bank."),
    ("Markets today", "Shares in Europe rose for a third day on Tuesday, led by carmakers after a trade agreement cut tariffs on electric vehicles. The euro was little changed against the dollar, and oil slipped as stockpiles grew."),
    ("Markets today", "Asian markets fell on Thursday after a weak reading of factory output in the region, with technology shares losing the most. Government bond yields dropped as investors moved into safer assets ahead of a central bank meeting."),
]

GALLERY_CAPTION = "Spectators watch the lantern parade through the old harbour of Kestrel Island on the last night of the summer festival, which drew about 40,000 visitors this year."

entries = []
seq = [0]


def entry(group, kind, feed, link, title, content, lang, summary=None, enclosures=()):
    seq[0] += 1
    entries.append({"group": group, "kind": kind, "entryKey": f"n{seq[0]:04d}", "feed": feed,
                    "link": link, "title": title, "summary": summary, "content": content,
                    "enclosures": list(enclosures), "lang": lang})


WIRE = {"en": "(Reporting by Sam Keller; Editing by Ruth Alvarez)",
        "de": "(Bericht: Anna Roth; redigiert von Jonas Beck)",
        "fr": "(Reportage de Claire Marchand ; édité par Luc Bernard)",
        "es": "(Información de Lucía Prieto; edición de Marcos Gil)"}
MORE = {"en": "Continue reading", "de": "Weiterlesen", "fr": "Lire la suite", "es": "Seguir leyendo"}

for slug, lang, title, paras in STORIES:
    body = " ".join(paras)
    origin = f"https://www.{slug}-daily.example/news/2026/11/{slug}-story"
    # the original, on its own site
    entry(slug, "original", "https://feeds.daily.example/rss", origin, title, body, lang)
    # a wire copy on another site: another headline, a wire trailer
    entry(slug, "wrapper", "https://wire.example/feed", f"https://wire.example/{slug}-8841",
          title.split(":")[0] + " — wire", body + " " + WIRE[lang], lang)
    # an aggregator re-post: 'shared this story' wrapper before, 'appeared first on' after
    entry(slug, "wrapper", "https://links.example/feed.xml", f"https://links.example/s/{slug}",
          title, f"Mia shared this story from Daily {slug.title()}.\n\n" + body
          + f"\n\nThe post {title} appeared first on Daily {slug.title()}.", lang)
    # the feed's truncated summary of the original, under its mobile URL with tracking
    cut = paras[0] + " " + paras[1][: len(paras[1]) // 2].rsplit(" ", 1)[0]
    entry(slug, "truncated", "https://m.feeds.daily.example/rss",
          f"https://m.{origin[len('https://www.'):]}?utm_source=rss&utm_medium=feed",
          title, cut + f"… {MORE[lang]}", lang)
    # a copy-edited version on a regional site, with its own permalink at the end
    edited = body
    for old, new in EDITS[slug]:
        assert old in edited, (slug, old)
        edited = edited.replace(old, new, 1)
    entry(slug, "edit", "https://regional.example/rss", f"https://regional.example/a/{slug}",
          title + " (updated)", edited + f" Permalink: https://regional.example/a/{slug}", lang)

for slug, (title, paras) in FOLLOW_UPS.items():
    entry(slug + "-follow", "neg-topic", "https://feeds.daily.example/rss",
          f"https://www.{slug}-daily.example/news/2026/11/{slug}-follow-up", title, " ".join(paras), "en")

for slug, (lang, title, paras) in TRANSLATIONS.items():
    entry(slug + "-" + lang, "neg-translation", f"https://{lang}.wire.example/feed",
          f"https://{lang}.wire.example/{slug}", title, " ".join(paras), lang)

for i, (title, text) in enumerate(SAME_TITLE_OTHER_EVENT):
    entry(f"brief-{i}", "neg-topic", "https://live.example/feed", f"https://live.example/{i}", title, text, "en")

for i in range(4):
    entry(f"gallery-{i}", "neg-gallery", "https://photos.example/feed",
          f"https://photos.example/festival/{i + 1}", "Lantern parade", GALLERY_CAPTION, "en",
          enclosures=[f"https://photos.example/img/festival-{i + 1}.jpg"])

os.makedirs(os.path.dirname(OUT), exist_ok=True)
with open(OUT, "w", encoding="utf-8") as f:
    for e in entries:
        f.write(json.dumps(e, ensure_ascii=False) + "\n")
groups = {e["group"] for e in entries if not e["kind"].startswith("neg")}
neg = [e for e in entries if e["kind"].startswith("neg")]
print(f"{OUT}: {len(entries)} entries, {len(groups)} stories with copies, {len(neg)} hard negatives")
