"""The golden screening corpus: a hand-written list, the queries screened against it, and
the rows every published algorithm gives for them.

The list holds the parties the screening tests already use (OFAC, UN and CSL fixtures,
the index and scorer cases) plus a few families of similar names, so rarity weights and
near neighbours come into play. Each listed name yields queries by fixed rules (as listed,
reordered, one letter changed, a word dropped, a word or legal form added, with the
listed or another country, with a listed identifier, a person's name as initials);
hand-written queries add transliterations, scripts and unrelated names.

For every query and algorithm a row is kept for the query's own entry, for every entry a
full scan scores at or above the reporting cutoff, and for every entry the indexed screen
reports: its best score over the entry's names, whether the screen reported it (``hit``),
with which score, and whether that reaches the threshold (``matched``).
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from frontierguard.controls.screening.engine import Hit, Screener
from frontierguard.controls.screening.model import ListEntry, Party

GOLDEN = Path(__file__).with_name("screening_scores.csv")
COLUMNS = ["algorithm", "query_id", "query", "country", "entry_id", "entry_name", "score", "hit",
           "reported", "matched"]
THRESHOLD, CUTOFF, CANDIDATES, RARITY_FLOOR = 0.7, 0.5, 25, 0.3
OTHER_COUNTRY = "Norway"

PER, ORG, VES = "person", "organization", "vessel"

# (name, kind, aliases, countries, identifiers, addresses)
LISTED: list[tuple[str, str, tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = [
    ("AEROCARIBBEAN AIRLINES", ORG, ("AERO-CARIBBEAN",), ("Cuba",), (), ()),
    ("BANCO NACIONAL DE CUBA", ORG, ("NATIONAL BANK OF CUBA", "BNC"), ("Cuba",), (),
     ("Calle 1, Havana, Cuba",)),
    ("ABDULLAH, Ahmed", PER, (), ("Iran",), ("A1234567",), ()),
    ("ABDULHAI SALEK", PER, ("Abdul Hai Salik", "Abu Salek"), ("Afghanistan",), ("OA 123456",), ()),
    ("AL-AKHTAR TRUST", ORG, (), ("Pakistan",), (), ("Karachi, Pakistan",)),
    ("Huawei Technologies Co. Ltd.", ORG, ("Huawei", "HiSilicon"), ("CN",), (),
     ("Bantian, Longgang District, Shenzhen, CN",)),
    ("200G PSA HOLDINGS LLC", ORG, (), ("US",), ("80-0890696",), ("80 SW 8th Street, Miami, FL, US",)),
    ("Sugon", ORG, ("Dawning Information Industry Co.",), ("CN",), ("91120000",), ("Beijing",)),
    ("Acme Trading LLC", ORG, ("Acme Trade", "ACME TR"), ("IR",), ("AB-123",), ()),
    ("ANGLO-CARIBBEAN CO., LTD.", ORG, (), (), (), ()),
    ("PUTIN, Vladimir Vladimirovich", PER, ("Владимир Путин",), ("Russia",), (), ()),
    ("Muhammad Omar", PER, ("Mullah Omar",), ("Afghanistan",), (), ()),
    ("van der bilt corp", ORG, (), (), (), ()),
    ("KIM SOK CHOL", PER, (), ("North Korea",), (), ()),
    ("Rosoboronexport", ORG, (), ("Russia",), (), ()),
    ("Sergey Viktorovich LAVROV", PER, (), ("Russia",), (), ()),
    ("Islamic Revolutionary Guard Corps", ORG, ("IRGC",), ("Iran",), (), ()),
    ("Mahan Air", ORG, (), ("Iran",), (), ()),
    ("HAN YU RO", PER, (), (), (), ()),
    ("Tornado Cash", ORG, (), (), (), ()),
    ("Hezbollah", ORG, ("Hizballah", "Party of God"), ("Lebanon",), (), ()),
    ("Zhang Jiang Ping", PER, (), ("China",), (), ()),
    ("Bashar al-Assad", PER, (), ("Syria",), (), ()),
    ("Sukarno", PER, (), ("Indonesia",), (), ()),
    ("ZHANG, Jian", PER, (), ("China",), (), ()),
    ("李桂花", PER, (), (), (), ()),
    ("SONIA I", PER, (), (), (), ()),
    ("CUELLAR MENDES, Victor", PER, (), ("Colombia",), (), ()),
    ("Maria DELLA CRUZ", PER, (), ("Philippines",), (), ()),
    ("Larry Ellison", PER, (), ("US",), (), ()),
    ("Emmanuel Macron", PER, (), ("France",), (), ()),
    ("SAMSUNG ELECTRONICS CO., LTD.", ORG, (), ("South Korea",), (), ()),
    ("FAZL RABI ABDUL HAMID", PER, ("Fazl Rabi",), ("Afghanistan",), (), ()),
    ("Viktor Vekselberg", PER, (), ("Russia",), ("P-0000000",), ()),
    ("Recep Tayyip Erdogan", PER, (), ("Turkey",), (), ()),
    ("TORRES", PER, (), (), (), ()),
    ("Zenith Logistics", ORG, (), (), (), ()),
    ("Friedrich Buchenberg", PER, (), ("Germany",), (), ()),
    ("KKR Asian Fund IV", ORG, (), (), (), ()),
    ("Banco Santander Mexico S.A.", ORG, (), ("Mexico",), (), ()),
    ("Banco Santander Chile", ORG, (), ("Chile",), (), ()),
    ("HASAN BIN AHMAD AL-UBAIDI", PER, (), ("Iraq",), (), ()),
    ("김정은", PER, ("Kim Jong-un", "KIM Jong Un"), ("North Korea",), (), ()),
    ("习近平", PER, ("XI Jinping",), ("China",), (), ()),
    ("Saddam Hussein", PER, ("Saddam Husayn",), ("Iraq",), (), ()),
    ("Olaf Scholz", PER, (), ("Germany",), (), ()),
    ("Mohammed bin Salman", PER, ("MBS",), ("Saudi Arabia",), (), ()),
    ("ZHANG Jianguo", PER, ("张建国",), ("China",), (), ()),
    ("John Smith", PER, (), ("United Kingdom",), (), ()),
    ("PAULA I", PER, (), (), (), ()),
    ("John Perez", PER, (), ("Spain",), (), ()),
    ("Greta Matthews", PER, (), (), (), ()),
    ("ZHU, Chen", PER, (), ("China",), (), ()),
    ("WANG, Cheng", PER, (), ("China",), (), ()),
    ("LI, Guihua", PER, (), ("China",), (), ()),
    ("CHEN, Zhu", PER, (), ("China",), (), ()),
    ("HE, Daniel Y.", PER, (), (), (), ()),
    ("NAZIRULLAH HANAFI WALIULLAH", PER, (), ("Afghanistan",), (), ()),
    ("FABERLIC EUROPE Sp. z o.o.", ORG, (), ("Poland",), (), ()),
    ("ORION", VES, (), ("Panama",), ("IMO 9123456",), ()),
    ("CRYSTAL", VES, (), (), (), ()),
    ("Anna Lopez", PER, (), ("Mexico",), (), ()),
    ("Bill Gates", PER, (), ("US",), (), ()),
    ("Ocean Pride Shipping Company Limited", ORG, (), ("Liberia",), (), ()),
    ("Jose Antonio Garcia Lopez", PER, ("Jose Garcia",), ("Venezuela",), (), ()),
    ("Mohamed Ali Hassan", PER, (), ("Egypt",), (), ()),
    ("Abu Bakr al-Baghdadi", PER, ("Ibrahim Awwad Ibrahim al-Badri",), ("Iraq",), (), ()),
    ("Aleksandr Grigoryevich Lukashenko", PER, ("Alexander Lukashenka",), ("Belarus",), (), ()),
    ("Naftiran Intertrade Company Sarl", ORG, ("NICO",), ("Switzerland",), (), ()),
    ("Deutsche Industrie Handels GmbH", ORG, (), ("Germany",), (), ()),
    ("Golden Star Trading FZE", ORG, (), ("United Arab Emirates",), (), ()),
    ("Sino Pacific Electronics Limited", ORG, (), ("Hong Kong",), (), ()),
    ("Ri Chol Ho", PER, (), ("North Korea",), (), ()),
    ("Pak Jong Chon", PER, (), ("North Korea",), (), ()),
    ("Nguyen Van Thanh", PER, (), ("Vietnam",), (), ()),
    ("Tran Thi Mai", PER, (), ("Vietnam",), (), ()),
    ("Yevgeny Viktorovich Prigozhin", PER, ("Evgeniy Prigozhin",), ("Russia",), (), ()),
    ("Oleg Vladimirovich Deripaska", PER, (), ("Russia",), (), ()),
    ("Fatima Zahra Benali", PER, (), ("Morocco",), (), ()),
    ("Al Noor Exchange", ORG, (), ("United Arab Emirates",), (), ()),
    ("Al-Rashid Trust", ORG, (), ("Pakistan",), (), ()),
    ("Tehran Petroleum Refining Company", ORG, (), ("Iran",), (), ()),
    ("Kalashnikov Concern", ORG, (), ("Russia",), (), ()),
    ("Shahid Hemmat Industrial Group", ORG, ("SHIG",), ("Iran",), (), ()),
    ("Volga Dnepr Airlines", ORG, (), ("Russia",), (), ()),
    ("Oscar de la Hoya", PER, (), ("US",), (), ()),
]
# Families of similar names: common tokens get rarity weights below one in v2 and v3.
LISTED += [(f"Mohammed {surname}", PER, (), ("Yemen",), (), ()) for surname in (
    "Abdulrahman", "Alawi", "Baraka", "Darwish", "Fadl", "Haidar", "Jaber", "Kassem", "Mansour",
    "Nasser", "Qasim", "Saleh")]
LISTED += [(f"{word} Trading Company", ORG, (), ("United Arab Emirates",), (), ()) for word in (
    "Al Fajr", "Arvand", "Behnam", "Crescent", "Delta", "Eastern", "Falcon", "Gulf", "Horizon",
    "Kish", "Meridian", "Pioneer")]

HAND_WRITTEN: list[tuple[str, str | None, str]] = [
    # (query, country, the entry it is about: its listed name, or "" for none)
    ("Vladimir Putin", None, "PUTIN, Vladimir Vladimirovich"),
    ("V Putin", None, "PUTIN, Vladimir Vladimirovich"),
    ("Wladimir Putin", "Russia", "PUTIN, Vladimir Vladimirovich"),
    ("Путин Владимир", None, "PUTIN, Vladimir Vladimirovich"),
    ("Mohammed Omar", None, "Muhammad Omar"),
    ("Mohamad Umar", None, "Muhammad Omar"),
    ("ibn Omar", None, "Muhammad Omar"),
    ("Omar", None, "Muhammad Omar"),
    ("Kim Sok Chul", None, "KIM SOK CHOL"),
    ("Kim S. Chol", None, "KIM SOK CHOL"),
    ("KIM SOK JIN", None, "KIM SOK CHOL"),
    ("Sergei Lavrov", None, "Sergey Viktorovich LAVROV"),
    ("S. Lavrov", None, "Sergey Viktorovich LAVROV"),
    ("Salek Abdulhai", None, "ABDULHAI SALEK"),
    ("Abdulhai S", None, "ABDULHAI SALEK"),
    ("Akhtar Trust", None, "AL-AKHTAR TRUST"),
    ("Anglo Caribbean Company Limited", None, "ANGLO-CARIBBEAN CO., LTD."),
    ("Banko Nacional Cuba", None, "BANCO NACIONAL DE CUBA"),
    ("vanderbilt corporation", None, "van der bilt corp"),
    ("vanderbilt corp", None, "van der bilt corp"),
    ("Rosoboronexpor", None, "Rosoboronexport"),
    ("Revolutionary Guards", None, "Islamic Revolutionary Guard Corps"),
    ("Mahan Airlines", None, "Mahan Air"),
    ("Han Yu-Ro", None, "HAN YU RO"),
    ("Tornado Kash", None, "Tornado Cash"),
    ("Hizbullah", None, "Hezbollah"),
    ("Jiang Ping Zhang", None, "Zhang Jiang Ping"),
    ("Bashar Asad", None, "Bashar al-Assad"),
    ("Bashar Al Assad", None, "Bashar al-Assad"),
    ("Sukamto", None, "Sukarno"),
    ("张建国", None, "ZHANG Jianguo"),
    ("张建", None, "ZHANG, Jian"),
    ("LI Guihua", None, "LI, Guihua"),
    ("李国华", None, "LI, Guihua"),
    ("李桂花", None, "李桂花"),
    ("Sonia Isaac Merritt", None, "SONIA I"),
    ("Sonia I", None, "SONIA I"),
    ("Clara Mendes", None, "CUELLAR MENDES, Victor"),
    ("Victor Mendez", None, "CUELLAR MENDES, Victor"),
    ("Maria Dela Cruz", None, "Maria DELLA CRUZ"),
    ("Della Cruz Maria", None, "Maria DELLA CRUZ"),
    ("Larry Allison", None, "Larry Ellison"),
    ("Emmanuel Marcon", None, "Emmanuel Macron"),
    ("Samsung Electronics Company Limited", None, "SAMSUNG ELECTRONICS CO., LTD."),
    ("Fazl Rabi", None, "FAZL RABI ABDUL HAMID"),
    ("Boris Vekselberg", None, "Viktor Vekselberg"),
    ("Recep Tayyip Erdem", None, "Recep Tayyip Erdogan"),
    ("Isabella Joaquin Torres", None, "TORRES"),
    ("Acme Trading", None, "Acme Trading LLC"),
    ("Zenith Logistic", None, "Zenith Logistics"),
    ("FridrichBuchenberg", None, "Friedrich Buchenberg"),
    ("KKR Asian Fund III", None, "KKR Asian Fund IV"),
    ("Banco Santander S.A.", None, "Banco Santander Mexico S.A."),
    ("Banco Santander", None, "Banco Santander Chile"),
    ("AHMAD BIN HASAN AL-UBAIDI", None, "HASAN BIN AHMAD AL-UBAIDI"),
    ("김종은", None, "김정은"),
    ("Kim Jong-uun", None, "김정은"),
    ("习近朋", None, "习近平"),
    ("Xi Jin Ping", None, "习近平"),
    ("Saddam Husayn", None, "Saddam Hussein"),
    ("Olaf Schulze", None, "Olaf Scholz"),
    ("Muhammad bin Salman", None, "Mohammed bin Salman"),
    ("ZHANG Jian Guo", None, "ZHANG Jianguo"),
    ("J Smith", None, "John Smith"),
    ("Paula Irene", None, "PAULA I"),
    ("Paula Irene Stone", None, "PAULA I"),
    ("John Price", None, "John Perez"),
    ("Greta Meadows", None, "Greta Matthews"),
    ("朱成", None, "ZHU, Chen"),
    ("王晨", None, "WANG, Cheng"),
    ("陈美珠", None, "CHEN, Zhu"),
    ("Daniel Young", None, "HE, Daniel Y."),
    ("NAZIRULLAH HANAFI HAMIDULLAH", None, "NAZIRULLAH HANAFI WALIULLAH"),
    ("faberlic", None, "FABERLIC EUROPE Sp. z o.o."),
    ("Orion 7", None, "ORION"),
    ("Orion al", None, "ORION"),
    ("Crystal Lee", None, "CRYSTAL"),
    ("Anna Maria Lopez", None, "Anna Lopez"),
    ("Bill Cates", None, "Bill Gates"),
    ("Ocean Pride Shipping Co Ltd", None, "Ocean Pride Shipping Company Limited"),
    ("José Antonio García López", None, "Jose Antonio Garcia Lopez"),
    ("Garcia Lopez Jose", None, "Jose Antonio Garcia Lopez"),
    ("Mohammed Ali Hasan", None, "Mohamed Ali Hassan"),
    ("محمد علي حسن", None, "Mohamed Ali Hassan"),
    ("Abu Bakr al Baghdadi", None, "Abu Bakr al-Baghdadi"),
    ("Alexander Lukashenko", "Belarus", "Aleksandr Grigoryevich Lukashenko"),
    ("Александр Лукашенко", None, "Aleksandr Grigoryevich Lukashenko"),
    ("Naftiran Intertrade Co", None, "Naftiran Intertrade Company Sarl"),
    ("Deutsche Industrie Handelsgesellschaft mbH", None, "Deutsche Industrie Handels GmbH"),
    ("Golden Star General Trading LLC", None, "Golden Star Trading FZE"),
    ("Sino-Pacific Electronics Ltd", None, "Sino Pacific Electronics Limited"),
    ("Ri Cholho", None, "Ri Chol Ho"),
    ("Pak Jong-chon", None, "Pak Jong Chon"),
    ("Nguyễn Văn Thành", None, "Nguyen Van Thanh"),
    ("Tran Mai", None, "Tran Thi Mai"),
    ("Evgeny Prigozhin", None, "Yevgeny Viktorovich Prigozhin"),
    ("Oleg Deripaska", None, "Oleg Vladimirovich Deripaska"),
    ("Fatima Zahra Ben Ali", None, "Fatima Zahra Benali"),
    ("Alnoor Exchange", None, "Al Noor Exchange"),
    ("Al Rasheed Trust", None, "Al-Rashid Trust"),
    ("Tehran Oil Refining Company", None, "Tehran Petroleum Refining Company"),
    ("Kalashnikov", None, "Kalashnikov Concern"),
    ("Shahid Hemat Industries Group", None, "Shahid Hemmat Industrial Group"),
    ("Volga-Dnepr Airlines LLC", None, "Volga Dnepr Airlines"),
    ("Oscar Delahoya", None, "Oscar de la Hoya"),
    ("Mohammed Nassar", None, "Mohammed Nasser"),
    ("Mohammed", None, "Mohammed Saleh"),
    ("Mohammed Saleh Baraka", None, "Mohammed Saleh"),
    ("Falcon Trading Co", None, "Falcon Trading Company"),
    ("Falcon General Trading Company", None, "Falcon Trading Company"),
    ("Trading Company", None, ""),
    ("Jane Smith", None, ""),
    ("Islamic Republic Shipping", None, ""),
    ("Maria Garcia", None, ""),
    ("Peter Müller", None, ""),
    ("Northwind Traders", None, ""),
    ("Global Logistics Solutions Inc", None, ""),
    ("Chen Wei", None, ""),
    ("Ahmed Hassan Ali", None, ""),
    ("Ivan Petrov", None, ""),
    ("Li Na", None, ""),
    ("Oceanic Holdings AG", None, ""),
    ("Juan Carlos Rodriguez", None, ""),
    ("Kim Min Jun", None, ""),
    ("Sarah O'Connor", None, ""),
    ("Red Crescent Bakery", None, ""),
]


@dataclass(frozen=True)
class Query:
    """One golden query: the party screened and the entry it is about ('' for none)."""

    query_id: str
    party: Party
    target: str


def entries() -> list[ListEntry]:
    """The golden list, entry ids G000, G001, ... in list order."""
    return [ListEntry(f"G{i:03d}", "GOLDEN", name, kind, list(aliases), list(countries),
                      list(addresses), list(ids))
            for i, (name, kind, aliases, countries, ids, addresses) in enumerate(LISTED)]


def _words(name: str) -> list[str]:
    return name.replace(",", " ").split()


def _typo(name: str) -> str | None:
    """The longest word (five letters or more) with its middle letter replaced by the next one."""
    words = _words(name)
    longest = max(words, key=len)
    if len(longest) < 5 or not longest.isascii() or not longest.isalpha():
        return None
    mid = len(longest) // 2
    letter = longest[mid]
    swapped = "a" if letter.lower() == "z" else chr(ord(letter.lower()) + 1)
    return " ".join(w if w is not longest else w[:mid] + swapped + w[mid + 1:] for w in words)


def _variants(entry: ListEntry) -> Iterator[tuple[str, str | None, tuple[str, ...]]]:
    """Queries derived from one listed entry by fixed rules."""
    words = _words(entry.name)
    yield entry.name, None, ()
    if len(words) > 1:
        yield " ".join(reversed(words)).lower(), None, ()
        yield " ".join(words[:-1]), None, ()
    typo = _typo(entry.name)
    if typo:
        yield typo, None, ()
    yield (entry.name + (" Holdings Ltd" if entry.kind == ORG else " Ali")), None, ()
    if entry.countries:
        yield entry.name.upper(), entry.countries[0], ()
        yield entry.name, OTHER_COUNTRY, ()
    if entry.identifiers:
        yield (typo or entry.name), None, (entry.identifiers[0].lower(),)


def _initials(entry: ListEntry) -> Iterator[str]:
    """A person's name as initials (``J. S.``) and with the first word as an initial
    (``J. Smith``), as lists and forms often write them."""
    words = [w for w in _words(entry.name) if w[0].isalpha()]
    if entry.kind == PER and len(words) > 1 and all(w.isascii() for w in words):
        yield " ".join(f"{w[0]}." for w in words)
        yield " ".join([f"{words[0][0]}.", *words[1:]])


def queries() -> list[Query]:
    """Every golden query, ids Q0000, Q0001, ... (derived ones, hand-written ones, then
    initials)."""
    listed = entries()
    by_name = {e.name: e.entry_id for e in listed}
    found = [(name, country, ids, e.entry_id) for e in listed for name, country, ids in _variants(e)]
    found += [(name, country, (), by_name[target] if target else "")
              for name, country, target in HAND_WRITTEN]
    found += [(name, None, (), e.entry_id) for e in listed for name in _initials(e)]
    return [Query(f"Q{i:04d}", Party(name, country, None, ids, f"Q{i:04d}"), target)
            for i, (name, country, ids, target) in enumerate(found)]


def build(algorithm: str, listed: list[ListEntry]) -> Screener:
    """The screener the corpus is pinned with (default tunables, written out)."""
    return Screener.build(listed, algorithm=algorithm, threshold=THRESHOLD, cutoff=CUTOFF,
                          candidates=CANDIDATES, rarity_floor=RARITY_FLOOR)


def _best_scores(screener: Screener, party: Party, wanted: set[int] | None) -> dict[int, float]:
    """Per entry number: the best score over its names, for the ``wanted`` entries (None: a
    full scan of every entry)."""
    query = screener.query(party)
    best: dict[int, float] = {}
    for n in range(len(screener.names)):
        owner = int(screener.owner[n])
        if wanted is None or owner in wanted:
            score = screener.algorithm.explain(screener.pair(query, n, party)).score
            best[owner] = max(best.get(owner, 0.0), score)
    return best


def rows(algorithm: str, pinned: dict[str, set[str]] | None = None) -> list[dict[str, str]]:
    """The golden rows of one algorithm, in query then entry order.

    With ``pinned`` (query id -> entry ids of the pinned rows) the full scan is skipped:
    the rows kept are the pinned ones plus whatever the screen reports, each scored afresh.
    """
    listed = entries()
    screener = build(algorithm, listed)
    number = {e.entry_id: i for i, e in enumerate(listed)}
    out: list[dict[str, str]] = []
    for q in queries():
        hits = {h.entry.entry_id: h for h in screener.screen(q.party).hits}
        keep = {number[e] for e in hits} | ({number[q.target]} if q.target else set())
        wanted = None if pinned is None else keep | {number[e] for e in pinned.get(q.query_id, ())}
        best = _best_scores(screener, q.party, wanted)
        keep |= {i for i, s in best.items() if s >= CUTOFF} if pinned is None else wanted or set()
        out += [_row(algorithm, q, listed[i], best.get(i, 0.0), hits.get(listed[i].entry_id))
                for i in sorted(keep)]
    return out


def _row(algorithm: str, q: Query, entry: ListEntry, score: float, hit: Hit | None) -> dict[str, str]:
    return {
        "algorithm": algorithm, "query_id": q.query_id, "query": q.party.name,
        "country": q.party.country or "", "entry_id": entry.entry_id, "entry_name": entry.name,
        "score": repr(score), "hit": "yes" if hit else "no", "reported": repr(hit.score) if hit else "",
        "matched": "yes" if hit and hit.matched else "no",
    }


def pinned_entries(found: list[dict[str, str]], algorithm: str) -> dict[str, set[str]]:
    """Query id -> entry ids of ``algorithm``'s rows."""
    out: dict[str, set[str]] = {}
    for row in found:
        if row["algorithm"] == algorithm:
            out.setdefault(row["query_id"], set()).add(row["entry_id"])
    return out


def read() -> list[dict[str, str]]:
    """The pinned rows."""
    with GOLDEN.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def write(found: list[dict[str, str]]) -> None:
    """Pin ``found`` (the regeneration script)."""
    with GOLDEN.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(found)
