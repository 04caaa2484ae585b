#!/usr/bin/env python3
"""Blind synthetic model-API traffic with distillation campaigns and hard benign populations.

Written independently of the detector, from public descriptions of the February 2026
distillation disclosures and general knowledge of API traffic. Standalone: numpy, pyarrow and the
standard library only.

    python benchmarks/blind/generate.py --seed 11 --out /tmp/blind11

Writes OUT/events.parquet (the event model of docs/events.md), OUT/releases.csv and
OUT/labels.csv (account_id,campaign,population; empty campaign = benign).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import math
import os
import random
import time
import zlib
from dataclasses import dataclass, field

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

# --------------------------------------------------------------------------------------------
# Schema (types as in docs/events.md / frontierguard.traffic.schema, copied to stay standalone)
# --------------------------------------------------------------------------------------------
TS = pa.timestamp("ms", tz="UTC")
_COLS = [
    ("ts", TS, False), ("account_id", pa.string(), False), ("model", pa.string(), False),
    ("request_id", pa.string(), True), ("org_id", pa.string(), True),
    ("api_key_id", pa.string(), True), ("ip", pa.string(), True), ("asn", pa.int64(), True),
    ("asn_type", pa.string(), True), ("country", pa.string(), True),
    ("user_agent", pa.string(), True), ("tls_fingerprint", pa.string(), True),
    ("payment_fingerprint", pa.string(), True), ("account_created", TS, True),
    ("signup_channel", pa.string(), True), ("endpoint", pa.string(), True),
    ("prompt", pa.string(), True), ("system_prompt", pa.string(), True),
    ("turns", pa.int32(), True), ("max_tokens", pa.int32(), True),
    ("temperature", pa.float32(), True), ("thinking", pa.bool_(), True),
    ("tools", pa.int32(), True), ("input_tokens", pa.int32(), True),
    ("output_tokens", pa.int32(), True), ("reasoning_tokens", pa.int32(), True),
    ("stop_reason", pa.string(), True), ("refused", pa.bool_(), True),
]
EVENT_SCHEMA = pa.schema([pa.field(n, t, nullable=nl) for n, t, nl in _COLS])

HOUR = 3_600_000
DAY = 24 * HOUR
MIN = 60_000

# Models: the flagship, a small one, an old one, and one released inside the window.
M_OLD, M_MINI, M_MAIN, M_NEW = "orion-2.5", "orion-3-mini", "orion-3", "orion-3.5"


# --------------------------------------------------------------------------------------------
# Network world: ASNs, IPs, countries, clients
# --------------------------------------------------------------------------------------------
TZ = {"US": -6, "CA": -5, "BR": -3, "MX": -6, "GB": 0, "IE": 0, "DE": 1, "FR": 1, "ES": 1,
      "IT": 1, "NL": 1, "PL": 1, "SE": 1, "FI": 2, "IN": 5.5, "JP": 9, "KR": 9, "AU": 10,
      "SG": 8, "HK": 8, "ID": 7, "PH": 8, "VN": 7, "NG": 1, "ZA": 2, "TR": 3, "IL": 2, "AE": 4}

# (asn, type, country)
ASNS = [
    (7922, "residential", "US"), (7018, "residential", "US"), (701, "residential", "US"),
    (22773, "residential", "US"), (20115, "residential", "US"), (5650, "residential", "US"),
    (21928, "mobile", "US"), (22394, "mobile", "US"), (20057, "mobile", "US"),
    (812, "residential", "CA"), (6327, "residential", "CA"), (577, "residential", "CA"),
    (28573, "residential", "BR"), (26599, "mobile", "BR"), (8151, "residential", "MX"),
    (2856, "residential", "GB"), (5089, "residential", "GB"), (5378, "mobile", "GB"),
    (6830, "residential", "IE"), (3320, "residential", "DE"), (6805, "residential", "DE"),
    (3209, "mobile", "DE"), (3215, "residential", "FR"), (12322, "residential", "FR"),
    (3352, "residential", "ES"), (3269, "residential", "IT"), (1136, "residential", "NL"),
    (5617, "residential", "PL"), (3301, "residential", "SE"), (719, "residential", "FI"),
    (9829, "residential", "IN"), (24560, "residential", "IN"), (55836, "mobile", "IN"),
    (4713, "residential", "JP"), (17676, "residential", "JP"), (4766, "residential", "KR"),
    (1221, "residential", "AU"), (7545, "residential", "AU"), (9506, "residential", "SG"),
    (4760, "residential", "HK"), (7713, "residential", "ID"), (9299, "residential", "PH"),
    (7552, "residential", "VN"), (29465, "mobile", "NG"), (37457, "residential", "ZA"),
    (9121, "residential", "TR"), (1680, "residential", "IL"), (5384, "residential", "AE"),
    # hosting / cloud
    (16509, "hosting", "US"), (16509, "hosting", "DE"), (16509, "hosting", "SG"),
    (16509, "hosting", "JP"), (14618, "hosting", "US"), (15169, "hosting", "US"),
    (396982, "hosting", "US"), (8075, "hosting", "US"), (8075, "hosting", "NL"),
    (14061, "hosting", "US"), (14061, "hosting", "DE"), (14061, "hosting", "SG"),
    (24940, "hosting", "DE"), (24940, "hosting", "FI"), (16276, "hosting", "FR"),
    (16276, "hosting", "CA"), (63949, "hosting", "US"), (20473, "hosting", "US"),
    (20473, "hosting", "JP"), (45102, "hosting", "SG"), (132203, "hosting", "HK"),
    (31898, "hosting", "US"), (51167, "hosting", "DE"),
    # business / enterprise transit
    (3356, "business", "US"), (174, "business", "US"), (6461, "business", "US"),
    (2914, "business", "US"), (8220, "business", "GB"), (1299, "business", "SE"),
    (6939, "business", "US"),
    # education
    (2152, "education", "US"), (11537, "education", "US"), (786, "education", "GB"),
    (680, "education", "DE"), (7575, "education", "AU"),
]
ASN_NUM = np.array([a for a, _, _ in ASNS], dtype=np.int64)
ASN_TYP = np.array([t for _, t, _ in ASNS], dtype=object)
ASN_CC = np.array([c for _, _, c in ASNS], dtype=object)
_BAD_FIRST = {0, 10, 100, 127, 169, 172, 192, 198, 203} | set(range(224, 256))


def _asn_bases(i: int) -> list[tuple[int, int]]:
    out = []
    for k in range(4):
        h = hashlib.sha256(f"{ASNS[i]}-{k}".encode()).digest()
        a = 1 + h[0] % 222
        while a in _BAD_FIRST:
            a = (a + 7) % 223 + 1
        out.append((a, h[1]))
    return out


ASN_BASES = [_asn_bases(i) for i in range(len(ASNS))]


def asn_idx(kind: str, country: str | None = None) -> np.ndarray:
    m = kind == ASN_TYP
    if country is not None:
        m &= country == ASN_CC
    return np.flatnonzero(m)


def make_ips(rng: np.random.Generator, asn_i: np.ndarray, v6_p: float = 0.0) -> np.ndarray:
    """One random address inside each given ASN (a few /16 per ASN; some IPv6)."""
    n = len(asn_i)
    k = rng.integers(0, 4, n)
    c = rng.integers(0, 256, n)
    d = rng.integers(1, 255, n)
    v6 = rng.random(n) < v6_p
    h = rng.integers(0, 65536, (n, 4))
    out = np.empty(n, dtype=object)
    for j in range(n):
        a, b = ASN_BASES[asn_i[j]][k[j]]
        if v6[j]:
            out[j] = f"2{a * 3 % 4096:03x}:{b * 131 + k[j]:x}:{h[j, 0]:x}:{h[j, 1]:x}:{h[j, 2]:x}:{h[j, 3]:x}::{d[j]:x}"  # noqa: E501
        else:
            out[j] = f"{a}.{b}.{c[j]}.{d[j]}"
    return out


def tls_fp(name: str) -> str:
    h = hashlib.sha256(name.encode()).hexdigest()
    ciphers = 10 + int(h[0], 16)
    return f"t13d{ciphers:02d}{11 + int(h[1], 16) % 8:02d}h2_{h[2:14]}_{h[14:26]}"


# client families: user-agent strings and the TLS fingerprint their stack produces
UA_SDK = ["orion-python/1.12.3", "orion-python/1.11.0", "orion-python/1.12.1",
          "orion-node/0.31.0", "orion-node/0.30.2", "OpenAI/Python 1.61.0",
          "python-httpx/0.27.2", "python-requests/2.32.3", "Go-http-client/2.0",
          "axios/1.7.9", "langchain-orion/0.3.10", "litellm/1.59.8", "curl/8.5.0",
          "orion-java/2.4.0", "ruby-orion/0.9.1"]
UA_BROWSER = [
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/132.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/132.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:134.0) Gecko/20100101 Firefox/134.0",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like "
    "Gecko) Version/18.2 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/132.0.0.0 Mobile Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_7_2) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/18.2 Safari/605.1.15"]
UA_CHATAPP = ["ChatBox/1.9.5", "TypingMind/2.4.1", "LibreChat/0.7.6", "OpenWebUI/0.5.7",
              "MindMac/1.9.21", "BoltAI/1.30.2"]
UA_IDE = ["orion-code/1.4.2 (darwin; arm64)", "orion-code/1.4.2 (linux; x64)",
          "orion-code/1.3.9 (win32; x64)", "DevPilot/0.45.1 (vscode)", "DevPilot/0.44.7 (vscode)",
          "jetbrains-ai-agent/2025.3.1", "zed/0.171.3", "aider/0.72.1"]
TLS_OF = {ua: tls_fp(ua.split("/")[0] + ua.split("/")[1][:3]) for ua in
          UA_SDK + UA_CHATAPP + UA_IDE}
for _ua in UA_BROWSER:
    TLS_OF[_ua] = tls_fp("Chrome" if "Chrome" in _ua else ("Firefox" if "Firefox" in _ua
                                                          else "Safari"))


def tls_of(ua: np.ndarray, rng: np.random.Generator, odd_p: float = 0.03) -> np.ndarray:
    out = np.array([TLS_OF.get(u) or tls_fp(u) for u in ua], dtype=object)
    odd = rng.random(len(ua)) < odd_p  # proxies / corporate TLS inspection re-terminate TLS
    out[odd] = tls_fp("corp-mitm-proxy")
    return out


def hexid(rng: np.random.Generator, n: int, prefix: str, nbytes: int = 8) -> np.ndarray:
    raw = rng.integers(0, 256, (n, nbytes), dtype=np.uint8)
    return np.array([prefix + r.tobytes().hex() for r in raw], dtype=object)


def b32id(rng: np.random.Generator, n: int, prefix: str, length: int = 12) -> np.ndarray:
    alpha = np.array(list("abcdefghijkmnpqrstuvwxyz23456789"))
    raw = rng.integers(0, len(alpha), (n, length))
    return np.array([prefix + "".join(alpha[r]) for r in raw], dtype=object)


# --------------------------------------------------------------------------------------------
# Text banks
# --------------------------------------------------------------------------------------------
def C(r: random.Random, xs):
    return xs[r.randrange(len(xs))]


DISHES = ["chicken curry", "vegetable lasagna", "banana bread", "pad thai", "shakshuka",
          "beef stew", "lentil soup", "pizza dough", "fish tacos", "mushroom risotto",
          "chocolate chip cookies", "ramen", "chili", "fried rice", "greek salad", "pancakes",
          "carbonara", "falafel", "butter chicken", "apple pie", "tofu stir fry", "bibimbap"]
CITIES = ["Lisbon", "Tokyo", "Mexico City", "Barcelona", "Kyoto", "Prague", "Chicago", "Seoul",
          "Istanbul", "Cape Town", "Vancouver", "Rome", "Hanoi", "Edinburgh", "Buenos Aires",
          "Copenhagen", "New Orleans", "Bangkok", "Vienna", "Marrakech", "Porto", "Montreal"]
MONTHS = ["March", "April", "May", "June", "July", "August", "September", "October",
          "December", "spring", "the summer", "the fall"]
PERSONS = ["landlord", "boss", "coworker", "sister", "brother", "mom", "dad", "neighbor",
           "professor", "roommate", "best friend", "girlfriend", "boyfriend", "wife", "husband",
           "kid's teacher", "HR person", "dentist's office", "contractor", "team"]
EMAIL_TOPICS = ["the heater that still isn't fixed", "taking Friday off", "a late payment",
                "rescheduling our meeting", "a refund I never got", "the noise at night",
                "splitting the rent", "a deadline extension", "the project handoff",
                "a job reference", "quitting the book club", "a wedding invite I can't accept",
                "the leak under the sink", "a raise"]
TONES = ["polite but firm", "friendly", "professional", "apologetic", "casual", "formal",
         "funny", "warm", "short", "persuasive", "less passive aggressive", "confident"]
CONCEPTS = ["inflation", "blockchain", "black holes", "how vaccines work", "the stock market",
            "compound interest", "photosynthesis", "quantum computing", "how airplanes fly",
            "the electoral college", "machine learning", "the immune system", "mortgages",
            "index funds", "jet lag", "how wifi works", "DNA", "tides", "nuclear fusion",
            "credit scores", "tariffs", "the placebo effect", "interest rates"]
PETS = ["dog", "cat", "puppy", "parrot", "rabbit", "hamster", "kitten", "bearded dragon"]
PET_BEH = ["licking its paws", "waking me up at 4am", "eating grass", "hiding under the bed",
           "scratching the couch", "barking at nothing", "not eating much", "sneezing a lot"]
NAME_THINGS = ["bakery", "podcast", "fantasy football team", "cat", "boat", "band",
               "small candle business", "D&D character", "youtube channel", "wifi network",
               "book club", "coffee truck", "newsletter", "houseplant"]
PAIRS = [("baking soda", "baking powder"), ("a Roth IRA", "a traditional IRA"),
         ("affect", "effect"), ("weather", "climate"), ("a virus", "bacteria"),
         ("an LLC", "an S corp"), ("espresso", "drip coffee"), ("HIIT", "steady cardio"),
         ("OLED", "QLED"), ("alligators", "crocodiles"), ("a latte", "a flat white"),
         ("stocks", "bonds"), ("a cold", "the flu"), ("ale", "lager"), ("RAM", "storage"),
         ("a will", "a trust"), ("whole life", "term life insurance")]
LANGS = ["Spanish", "French", "German", "Japanese", "Italian", "Portuguese", "Korean", "Dutch",
         "Polish", "Turkish", "Vietnamese", "Hindi"]
SHORT = ["Can we move dinner to Saturday?", "Thank you so much for your help last week.",
         "Where is the nearest train station?", "I will be twenty minutes late.",
         "The meeting has been moved to 3pm.", "Happy birthday, I hope you have a great year!",
         "Please leave the package at the back door.", "Do you have this in a larger size?",
         "We are so excited to see you next month.", "Sorry, I don't speak the language well."]
STAINS = ["red wine", "coffee", "grease", "ink", "blood", "sweat stains", "mud", "candle wax"]
FABRICS = ["a white shirt", "the carpet", "jeans", "a wool sweater", "my couch", "a silk blouse"]
POEM = ["autumn leaves", "my grandmother's kitchen", "the ocean at night", "moving to a new city",
        "a rainy monday", "friendship", "my dog", "the first snow", "coffee", "growing older"]
HOBBIES = ["golf", "gardening", "star wars", "baking", "hiking", "video games", "knitting",
           "jazz", "fishing", "cats", "running marathons", "board games"]
OCCASIONS = ["christmas", "our anniversary", "her birthday", "his retirement", "mother's day",
             "a housewarming", "graduation", "valentine's day"]
GOALS = ["losing weight", "building muscle", "running a 10k", "better posture",
         "getting back in shape after an injury", "more energy"]
PHENOM = ["the sky look orange at sunset", "my ears pop on planes", "bread go stale",
          "cats purr", "ice float", "my phone battery die faster in the cold",
          "onions make you cry", "we get goosebumps", "coffee make me sleepy sometimes",
          "the moon look bigger near the horizon", "my knees crack", "hiccups happen"]
INGRS = ["chicken thighs, rice and spinach", "eggs, potatoes and an onion",
         "canned chickpeas, tomatoes and some feta", "ground beef and tortillas",
         "leftover salmon and pasta", "tofu, broccoli and soy sauce", "just pasta and garlic"]
GENRES = ["sci-fi", "fantasy", "mystery", "historical fiction", "non-fiction", "thriller",
          "romance", "horror"]
BOOKS = ["Project Hail Mary", "The Name of the Wind", "Gone Girl", "Sapiens", "Dune",
         "The Martian", "Pachinko", "Educated", "Circe", "The Silent Patient"]
WORKREQ = ["a raise", "remote work two days a week", "a title change", "more training budget",
           "a four-day week", "to move to another team"]
JOBS = ["project manager", "data analyst", "nurse", "marketing coordinator", "UX designer",
        "accountant", "warehouse supervisor", "teacher", "software engineer", "barista"]
FIELDS = ["retail", "healthcare", "logistics", "education", "finance", "hospitality",
          "construction", "non-profits"]
SENTS = ["The city council voted on Tuesday to expand the bike lane network downtown.",
         "Supporters say it will reduce traffic, while local businesses worry about parking.",
         "The project is expected to cost around 14 million dollars over three years.",
         "Our quarterly sales rose eight percent, mostly driven by online orders.",
         "Customer complaints about shipping times fell after we changed carriers.",
         "The new policy takes effect at the start of next month.",
         "Researchers found that participants who slept less reported more stress.",
         "The school will close early on Friday because of the storm.",
         "Volunteers collected over two tons of litter from the beach.",
         "The museum's new wing features art from the last two centuries.",
         "Several residents raised concerns about the noise from the construction site.",
         "The team missed the deadline because two suppliers were late."]


def _casual_raw(r: random.Random) -> str:
    k = r.randrange(30)
    n = r.randint(2, 10)
    if k == 0:
        return f"what's a good recipe for {C(r, DISHES)} that takes less than {n * 5} minutes?"
    if k == 1:
        return (f"Can you help me write a {C(r, TONES)} email to my {C(r, PERSONS)} about "
                f"{C(r, EMAIL_TOPICS)}?")
    if k == 2:
        return f"I'm going to {C(r, CITIES)} for {n} days in {C(r, MONTHS)}. What should I see?"
    if k == 3:
        return f"explain {C(r, CONCEPTS)} like I'm five"
    if k == 4:
        return f"my {C(r, PETS)} keeps {C(r, PET_BEH)}, is that normal?"
    if k == 5:
        return f"give me {n + 5} name ideas for a {C(r, NAME_THINGS)}"
    if k == 6:
        a, b = C(r, PAIRS)
        return f"what's the difference between {a} and {b}?"
    if k == 7:
        return f"translate to {C(r, LANGS)}: {C(r, SHORT)}"
    if k == 8:
        s = " ".join(r.sample(SENTS, r.randint(3, 6)))
        return f"can you summarize this in two sentences? {s}"
    if k == 9:
        return f"rewrite this so it sounds more {C(r, TONES)}: {C(r, SHORT)}"
    if k == 10:
        return f"how do I get {C(r, STAINS)} out of {C(r, FABRICS)}"
    if k == 11:
        return f"write a short poem about {C(r, POEM)}"
    if k == 12:
        return (f"birthday message for my {C(r, PERSONS)} who loves {C(r, HOBBIES)}, "
                "keep it short")
    if k == 13:
        return (f"what should I get my {C(r, PERSONS)} for {C(r, OCCASIONS)}? budget is "
                f"about ${n * 10}")
    if k == 14:
        return f"can you make me a {n}-week workout plan for {C(r, GOALS)}"
    if k == 15:
        return f"why does {C(r, PHENOM)}?"
    if k == 16:
        return f"I have {C(r, INGRS)}. what can I make for dinner tonight"
    if k == 17:
        return f"recommend some {C(r, GENRES)} books similar to {C(r, BOOKS)}"
    if k == 18:
        return f"how do I ask my manager for {C(r, WORKREQ)} without it being awkward"
    if k == 19:
        return (f"write a cover letter for a {C(r, JOBS)} job. I have {n} years of experience "
                f"in {C(r, FIELDS)}")
    if k == 20:
        return (f"is {n * 3}% a good interest rate for a car loan right now? I'm "
                f"{r.randint(22, 60)} and my credit score is around {r.randint(58, 80) * 10}")
    if k == 21:
        return f"who would win in a fight, a {C(r, PETS)} or a {C(r, PETS)}? asking for my kid"
    if k == 22:
        return f"how long should I boil eggs for {C(r, ['soft', 'jammy', 'hard'])} yolks"
    if k == 23:
        return (f"my flight to {C(r, CITIES)} got cancelled, what are my rights to "
                "compensation?")
    if k == 24:
        return f"tips for a first date at a {C(r, ['bowling alley', 'museum', 'wine bar', 'park'])}"
    if k == 25:
        return f"what are some fun things to do with kids on a rainy day in {C(r, CITIES)}"
    if k == 26:
        return f"is it worth learning {C(r, LANGS)} if I'm {r.randint(30, 65)}?"
    if k == 27:
        return (f"help me write a toast for my {C(r, PERSONS)}'s wedding. they met at "
                f"{C(r, ['college', 'work', 'a concert', 'a dog park'])}")
    if k == 28:
        return f"what does it mean when I dream about {C(r, ['teeth falling out', 'flying', 'being late', 'the ocean'])}"  # noqa: E501
    return f"fix the grammar: {C(r, SENTS).lower().replace('the ', 'teh ', 1)}"


def casual_prompt(r: random.Random) -> str:
    s = _casual_raw(r)
    x = r.random()
    if x < 0.35:
        s = s[0].lower() + s[1:]
    elif x < 0.55:
        s = s[0].upper() + s[1:]
    if r.random() < 0.2:
        s = s.rstrip("?.!")
    if r.random() < 0.1:
        s = C(r, ["hey, ", "quick question: ", "ok so ", "hi! ", "Hello, "]) + s
    if r.random() < 0.1:
        s = s + C(r, [" thanks", " thx!", " please", " ty", " :)", "??"])
    if r.random() < 0.05 and len(s) > 12:
        i = r.randrange(3, len(s) - 2)
        s = s[:i] + s[i + 1] + s[i] + s[i + 2:]
    return s


# developer / IDE agent traffic ---------------------------------------------------------------
FILES = ["src/api/handlers.py", "lib/auth/session.ts", "internal/store/postgres.go",
         "src/components/Checkout.tsx", "app/models/user.rb", "pkg/cache/lru.go",
         "src/parser/lexer.rs", "services/billing/invoice.py", "web/src/hooks/useSearch.ts",
         "cmd/server/main.go", "src/main/java/com/acme/OrderService.java",
         "etl/jobs/daily_rollup.py", "src/utils/dates.ts", "api/routes/webhooks.js",
         "crates/core/src/scheduler.rs", "backend/app/schemas.py", "infra/terraform/main.tf"]
ERRORS = ["TypeError: Cannot read properties of undefined (reading 'map')",
          "KeyError: 'user_id'", "panic: runtime error: index out of range [3] with length 3",
          "error[E0502]: cannot borrow `self.buf` as mutable because it is also borrowed as "
          "immutable", "ModuleNotFoundError: No module named 'pydantic.v1'",
          "AssertionError: expected 200, got 422",
          "java.lang.NullPointerException at OrderService.java:118",
          "Error: connect ECONNREFUSED 127.0.0.1:5432",
          "sqlalchemy.exc.IntegrityError: duplicate key value violates unique constraint",
          "TS2345: Argument of type 'string | undefined' is not assignable to parameter of "
          "type 'string'", "RecursionError: maximum recursion depth exceeded",
          "Error: Hydration failed because the initial UI does not match"]
FEATURES = ["pagination", "rate limiting", "retry with exponential backoff", "a dark mode toggle",
            "CSV export", "structured request logging", "caching for search results",
            "input validation", "a --dry-run flag", "GitHub OAuth login", "soft deletes",
            "a health check endpoint", "websocket reconnect logic", "i18n support",
            "an audit log", "optimistic UI updates", "a feature flag for the new checkout"]
DEPS = ["react", "pydantic", "next", "sqlalchemy", "tokio", "spring-boot", "django",
        "fastapi", "eslint", "typescript", "numpy", "gin"]
CMDS = ["pytest -q", "npm test", "go test ./...", "cargo test", "npm run build", "mvn -q test",
        "make lint", "tsc --noEmit", "docker compose up api"]


def _code_snippet(r: random.Random) -> str:
    fn = C(r, ["load_user", "parse_header", "apply_discount", "fetch_orders", "normalize",
               "retry", "build_query", "to_cents"])
    arg = C(r, ["data", "req", "items", "path", "cfg", "row"])
    return (f"def {fn}({arg}):\n    if not {arg}:\n        return None\n"
            f"    result = []\n    for x in {arg}:\n        result.append(x.get('{C(r, ['id', 'name', 'amount', 'ts'])}'))\n"  # noqa: E501
            f"    return result")


def dev_prompt(r: random.Random) -> str:
    k = r.randrange(14)
    f = C(r, FILES)
    if k == 0:
        return (f"the test in {f.replace('src/', 'tests/')} is failing with `{C(r, ERRORS)}` "
                "— can you take a look?")
    if k == 1:
        return f"add {C(r, FEATURES)} to {f}"
    if k == 2:
        return (f"refactor {f} so that "
                f"{C(r, ['the db calls are async', 'it has no global state', 'the config is injected', 'errors are typed'])}")  # noqa: E501
    if k == 3:
        return f"why does `{C(r, CMDS)}` fail with {C(r, ERRORS)}"
    if k == 4:
        return f"write unit tests for the functions in {f}"
    if k == 5:
        return f"bump {C(r, DEPS)} to the latest major and fix whatever breaks"
    if k == 6:
        return f"update the README to explain {C(r, FEATURES)}"
    if k == 7:
        return f"what does this do?\n```\n{_code_snippet(r)}\n```"
    if k == 8:
        return "ok that works. now commit it with a sensible message"
    if k == 9:
        return C(r, ["yes go ahead", "no, keep the old behaviour for the CLI", "looks good",
                     "can you also handle the empty case", "revert that last change",
                     "run the tests again", "continue"])
    # tool results (the last user turn in an agent loop)
    cmd = C(r, CMDS)
    if k in (10, 11):
        n_pass, n_fail = r.randint(3, 240), r.randint(0, 4)
        return (f"[tool_result] $ {cmd}\n" + ("." * min(n_pass, 60)) + ("F" * n_fail) +
                f"\n{n_pass} passed, {n_fail} failed in {r.uniform(0.4, 40):.2f}s"
                + (f"\nFAILED {f}::test_{C(r, ['empty', 'roundtrip', 'auth', 'limits'])} - "
                   f"{C(r, ERRORS)}" if n_fail else ""))
    if k == 12:
        return f"[tool_result] {f} ({r.randint(40, 900)} lines)\n```\n{_code_snippet(r)}\n```"
    return (f"[tool_result] exit code {r.choice([0, 1, 2])}\n$ rg -n "
            f"'{C(r, ['TODO', 'deprecated', 'session', 'retry'])}' {f.split('/')[0]}\n"
            f"{f}:{r.randint(5, 400)}: # TODO: {C(r, FEATURES)}")


IDE_SYSTEM = {
    "orion-code": "You are orion-code, an interactive CLI coding agent. You help users with "
                  "software engineering tasks in their repository. Use the provided tools to "
                  "read and edit files and to run shell commands. Be concise. Never commit "
                  "unless asked. Environment: {env}",
    "DevPilot": "You are DevPilot, a pair programmer embedded in the user's editor. You can call "
                "tools: read_file, write_file, search, run_terminal, get_diagnostics. Follow the "
                "project's conventions. Workspace: {env}",
    "jetbrains-ai-agent": "You are an AI assistant inside a JetBrains IDE. Answer with code "
                          "where helpful. Project SDK and context: {env}",
    "zed": "You are a coding assistant in the Zed editor. You have tools for editing buffers "
           "and running commands. Context: {env}",
    "aider": "Act as an expert software developer. Always use best practices when coding. "
             "Respect and use existing conventions, libraries, etc. {env}",
}


# enterprise batch jobs -----------------------------------------------------------------------
ENT_TASKS = [
    ("Northwind Logistics", "ticket",
     "You are a support-ticket triage system for {co}. Classify each ticket into exactly one "
     "of: billing, shipping_delay, damaged_item, returns, account_access, other. Respond with "
     "JSON: {{\"category\": ..., \"urgency\": 1-5, \"summary\": <= 20 words}}. Policy v{v}."),
    ("Helios Insurance", "claim",
     "You are the claims intake assistant for {co}. Extract claimant name, policy number, "
     "incident date, incident type and estimated amount from the claim text. Output JSON only. "
     "Schema version {v}."),
    ("Brightline Legal Ops", "contract",
     "You review commercial contracts for {co}. For the excerpt provided, list: parties, "
     "effective date, term, termination for convenience (yes/no, notice period), governing "
     "law. Be exact; quote clauses. Template r{v}."),
    ("Cobalt Retail", "product",
     "You write product descriptions for {co}'s online catalogue. 60-90 words, friendly, no "
     "superlatives, include the material and care instructions. Style guide {v}."),
    ("Meridian Health Network", "call",
     "You summarize patient-line call transcripts for {co}. Produce: reason for call, actions "
     "taken, follow-up needed (yes/no). Do not include identifiers. Version {v}."),
    ("Apex Freight Finance", "invoice",
     "You extract fields from supplier invoices for {co} accounts payable: vendor, invoice "
     "number, date, currency, subtotal, tax, total, PO number. Output CSV row. v{v}."),
]
TICKETS = ["My package was supposed to arrive on {d} and the tracking hasn't updated in {n} days.",
           "I was charged twice for order #{id}. Please refund the duplicate.",
           "The box arrived crushed and the {item} inside is cracked.",
           "I can't log in, the reset email never arrives.",
           "How do I return the {item}? It doesn't fit.",
           "Your driver left my parcel in the rain again, it's soaked."]
ITEMS = ["lamp", "blender", "jacket", "monitor", "chair", "vase", "kettle", "backpack"]
ITEMS_PL = ["lamps", "blenders", "jackets", "monitors", "chairs", "vases", "kettles",
            "backpacks", "notebooks", "umbrellas"]
MCQ = [("is a noble gas", ["argon", "neon", "krypton", "xenon"], ["nitrogen", "chlorine",
        "sodium", "oxygen", "hydrogen"]),
       ("is a prime number", ["97", "89", "61", "53", "113"], ["91", "87", "57", "51", "119"]),
       ("is a mammal", ["dolphin", "bat", "platypus", "whale"], ["shark", "penguin",
        "salamander", "trout", "gecko"]),
       ("was a cause of the 1929 stock market crash", ["speculative buying on margin"],
        ["the invention of the telephone", "the Treaty of Tordesillas", "the Marshall Plan"]),
       ("is an organelle found in plant cells but not animal cells", ["the chloroplast"],
        ["the mitochondrion", "the ribosome", "the nucleus", "the Golgi apparatus"]),
       ("is a consequence of Newton's third law", ["a rocket accelerating in space",
        "recoil of a fired rifle"], ["a pendulum's period", "refraction of light",
        "thermal expansion"]),
       ("is an example of a monopsony", ["a single large employer in a small town"],
        ["a farmers' market", "a national lottery", "a patent on a drug"])]


def enterprise_prompt(r: random.Random, kind: str) -> str:
    i, n = r.randint(100000, 999999), r.randint(2, 9)
    d = f"{r.choice(['Jan', 'Feb'])} {r.randint(1, 28)}"
    if kind == "ticket":
        t = C(r, TICKETS).format(d=d, n=n, id=r.randint(1000000, 9999999), item=C(r, ITEMS))
        return f"Ticket #{i}\nChannel: {C(r, ['email', 'web form', 'chat'])}\n\n{t}"
    if kind == "claim":
        return (f"Claim reference CLM-{i}\nPolicy: HI-{r.randint(1000000, 9999999)}\n"
                f"Description: On {d} my {C(r, ['car', 'kitchen', 'roof', 'basement'])} was "
                f"damaged by {C(r, ['hail', 'a burst pipe', 'another driver', 'a fallen tree'])}. "
                f"Repair estimate is ${r.randint(4, 400) * 25}.")
    if kind == "contract":
        return (f"Document {i}, section {n}.{r.randint(1, 9)}:\n\"This Agreement is entered into "
                f"as of {d}, 2026 between {C(r, ['Acme Corp', 'Globex LLC', 'Initech Ltd'])} and "
                f"{C(r, ['Vandelay Industries', 'Stark Supply', 'Umbrella Services'])}. Either "
                f"party may terminate upon {n * 15} days' written notice. This Agreement is "
                f"governed by the laws of {C(r, ['Delaware', 'New York', 'England and Wales'])}.\"")
    if kind == "product":
        return (f"SKU {i}: {C(r, ['linen', 'merino wool', 'recycled cotton', 'stoneware'])} "
                f"{C(r, ITEMS)}, colour {C(r, ['sage', 'navy', 'oat', 'charcoal'])}, "
                f"size {C(r, ['S', 'M', 'L', 'one size'])}")
    if kind == "call":
        return (f"Transcript {i}:\nAgent: Thanks for calling, how can I help?\nCaller: I need to "
                f"{C(r, ['reschedule my appointment', 'refill a prescription', 'ask about a bill', 'get test results'])}"  # noqa: E501
                f" for {d}.\nAgent: I can help with that. ...\n[{n} more minutes]")
    return (f"INVOICE {C(r, ['INV', 'F', 'BL'])}-{i}\nDate: {d} 2026\nVendor: "
            f"{C(r, ['Rhine Cargo GmbH', 'Pacific Pallets Inc', 'Lumen Fuel Co'])}\n"
            f"Subtotal: {r.randint(200, 90000)}.00 {C(r, ['USD', 'EUR'])}\nPO: {r.randint(40000, 49999)}")


# benchmark / evaluation items ----------------------------------------------------------------
def make_benchmark(r: random.Random, name: str, n: int) -> list[str]:
    items = []
    for i in range(n):
        k = i % 3
        if name == "public-math" or (name == "mixed" and k == 0):
            a, b, c = r.randint(3, 60), r.randint(2, 12), r.randint(5, 90)
            items.append(f"Question: A store sells {C(r, ITEMS_PL)} for ${a} each. On Monday it "
                         f"sold {b} of them and on Tuesday {c} more than on Monday. How much "
                         "money did it take in over both days?\nLet's think step by step. "
                         "End with 'The answer is N'.")
        elif name == "public-mcq" or (name == "mixed" and k == 1):
            stem, good, bad = C(r, MCQ)
            opts = [C(r, good), *r.sample(bad, 3)]
            r.shuffle(opts)
            items.append(f"The following is a multiple choice question.\n\nQuestion {i + 1}: "
                         f"Which of the following {stem}?\n" +
                         "\n".join(f"{L}. {o}" for L, o in zip("ABCD", opts, strict=False)) +
                         "\nAnswer with the letter only.")
        else:
            fn = f"{C(r, ['count', 'merge', 'find', 'sum', 'rotate', 'dedupe'])}_{C(r, ['intervals', 'primes', 'pairs', 'words', 'matrix', 'digits'])}"  # noqa: E501
            items.append(f"Complete the following Python function. Return only code.\n\n"
                         f"def {fn}(xs: list[int], k: int) -> int:\n    \"\"\"Given a list of "
                         f"integers and k, return the number of {C(r, ['pairs', 'windows', 'subsets'])}"
                         f" whose sum is divisible by k.\n    >>> {fn}([{r.randint(1, 9)}, "
                         f"{r.randint(1, 9)}, {r.randint(1, 9)}], {r.randint(2, 5)})\n    \"\"\"\n")
    return items


# university homework -------------------------------------------------------------------------
COURSES = {
    "calc": ["find the derivative of x^{a} * sin({b}x)", "evaluate the integral of x e^({b}x) dx",
             "find the limit of (sin({a}x))/x as x -> 0", "use the chain rule on ({a}x^2 + {b})^5",
             "find the area between y = x^2 and y = {a}x"],
    "linalg": ["find the eigenvalues of [[{a}, 1], [1, {b}]]",
               "show that the vectors (1,{a},0), (0,1,{b}), (1,0,1) are linearly independent",
               "compute the determinant of a 3x3 matrix with rows ({a},0,1),(2,{b},0),(1,1,1)"],
    "cs101": ["write a python function that returns the {a}th fibonacci number",
              "why is my for loop printing the last item {b} times",
              "explain the big-O of binary search vs linear search",
              "write a recursive function to reverse a string"],
    "chem": ["balance the equation C{a}H{b} + O2 -> CO2 + H2O",
             "how many grams of NaCl are in {a}.{b} moles", "explain SN1 vs SN2 reactions"],
    "econ": ["if demand is Q = {a}0 - {b}P and supply is Q = 2P, find the equilibrium",
             "explain price elasticity with an example", "what is deadweight loss"],
    "stats": ["what's the probability of getting at least {a} heads in {b}0 flips",
              "when do I use a t-test instead of a z-test",
              "compute the standard deviation of {a}, {b}, 7, 9, 12"],
    "hist": ["outline an essay on the causes of the first world war",
             "compare the french and american revolutions in {a}00 words",
             "what were the main effects of the printing press"],
}
UNI_PHRASE = ["can you explain step by step: {p}", "{p}", "{p}. please show your work",
              "I don't get this hw question: {p}", "help, exam is tomorrow: {p}",
              "walk me through this step by step: {p}", "can u help with this one? {p}",
              "hw {n}: {p}", "{p} (we're supposed to show every step)"]
UNI_CHECK = ["{p} -- I got {x} but the answer key says something else",
             "check my answer: {p}. I got {x}", "{p}. is it {x}?"]
NUMERIC = {"calc", "linalg", "chem", "econ", "stats"}


def uni_prompt(r: random.Random, week: int, course: str) -> str:
    probs = COURSES[course]
    rr = random.Random(zlib.crc32(f"{week}:{course}".encode()))  # same set for the class
    a, b = rr.randint(2, 9), rr.randint(2, 9)
    p = probs[(week + r.randrange(2)) % len(probs)].format(a=a, b=b)
    bank = UNI_CHECK if course in NUMERIC and r.random() < 0.25 else UNI_PHRASE
    return C(r, bank).format(p=p, x=r.randint(2, 99), n=r.randint(1, 12))


# researchers who ask for step-by-step reasoning ---------------------------------------------
RES_AREAS = ["protein folding", "causal inference", "monetary policy", "quantum error "
             "correction", "ocean circulation", "epidemiological modelling", "LLM evaluation",
             "battery chemistry", "game theory", "computational linguistics", "cosmology"]
RES_T = ["I'm working on {area}. Can you reason step by step through whether {h}?",
         "Walk me through the derivation of {d}, showing each step and stating assumptions.",
         "Here is a proof sketch from my draft: '{h}'. Check it carefully, step by step, and "
         "point out any gap.",
         "For a paper on {area}: what are the strongest objections to the claim that {h}? "
         "Think it through carefully.",
         "Help me design an experiment in {area} to test whether {h}. Go step by step: "
         "hypothesis, variables, controls, power analysis.",
         "Explain, with the intermediate algebra, how {d} follows from first principles.",
         "I got a reviewer comment saying our {area} result could be confounded. Reason through "
         "which confounders are plausible."]
RES_H = ["the effect size is biased by selection on the outcome",
         "a Nash equilibrium exists in this auction with {n} bidders",
         "the instrument satisfies the exclusion restriction",
         "the error threshold is above {n} percent for this code",
         "the sequence converges for all x > {n}", "attention heads specialise by layer",
         "the estimator is consistent under heteroskedasticity"]
RES_D = ["the Black-Scholes equation", "the Kalman filter update", "the ELBO for a VAE",
         "the Schwarzschild radius", "the Nernst equation", "the OLS variance formula",
         "the backpropagation rule for a softmax layer", "the Friedmann equations"]


RES_PAIR = {"causal inference": [0, 2, 6], "game theory": [1], "monetary policy": [2, 6],
            "quantum error correction": [3], "LLM evaluation": [0, 5], "cosmology": [4],
            "epidemiological modelling": [0, 2], "computational linguistics": [5, 0]}


def researcher_prompt(r: random.Random) -> str:
    area = C(r, RES_AREAS)
    hs = [RES_H[i] for i in RES_PAIR.get(area, [0, 4, 6])]
    return C(r, RES_T).format(area=area, h=C(r, hs).format(n=r.randint(2, 20)),
                              d=C(r, RES_D))


# app backends (customer-facing bots) ---------------------------------------------------------
APPS = [("Sunny", "Sunrise Travel", "a travel agency"), ("Max", "FitNest", "a gym chain"),
        ("Ava", "Bloom & Co", "a flower delivery service"), ("Leo", "ParkEasy", "a parking app"),
        ("Kai", "ByteBank", "a digital bank"), ("Mia", "PetPal", "a pet supplies shop"),
        ("Zoe", "HomeFix", "a home repair marketplace"), ("Ray", "StudyBuddy", "a tutoring app")]
APP_MSG = ["hi my order {id} hasn't arrived yet", "how do I cancel my subscription",
           "can I change my booking to next {day}?", "the app keeps logging me out",
           "do you deliver to {city}?", "I want a refund for order {id}",
           "what are your opening hours on {day}", "is there a student discount?",
           "my card was declined but I was still charged", "talk to a human please"]
DAYS = ["monday", "tuesday", "friday", "saturday", "sunday"]


def app_prompt(r: random.Random) -> str:
    return C(r, APP_MSG).format(id=r.randint(10000, 99999), day=C(r, DAYS), city=C(r, CITIES))


def app_system(name: str, co: str, biz: str) -> str:
    return (f"You are {name}, the friendly customer support assistant for {co}, {biz}. Answer "
            "only questions about {co}'s products and policies. If you cannot help, offer to "
            "connect the customer with a human agent. Never promise refunds.").replace("{co}", co)


# writing / marketing (mixed into legitimate reseller traffic) --------------------------------
def writing_prompt(r: random.Random) -> str:
    return C(r, [
        "Write 5 Instagram captions for a {t} launch, upbeat, with emojis",
        "Draft a product announcement blog post for our new {t} (400 words)",
        "Give me 10 SEO titles for an article about {c}",
        "Rewrite this landing page intro to be punchier: {s}",
        "Write a LinkedIn post about lessons learned from {c}",
    ]).format(t=C(r, ITEMS + NAME_THINGS), c=C(r, CONCEPTS), s=C(r, SENTS))


def devq_prompt(r: random.Random) -> str:
    return C(r, [
        "how do I {a} in {l}?", "What's the idiomatic way to {a} in {l}",
        "explain this error: {e}", "is {d} still maintained? what should I use instead",
        "write a regex that matches {m}", "convert this to {l}:\n```\n{code}\n```",
    ]).format(a=C(r, ["read a csv file", "parse json", "reverse a list", "make an http request",
                      "sort a dict by value", "handle timezones", "debounce a function"]),
              l=C(r, ["python", "javascript", "go", "rust", "java", "bash", "sql"]),
              e=C(r, ERRORS), d=C(r, DEPS), code=_code_snippet(r),
              m=C(r, ["email addresses", "US phone numbers", "ISO dates", "hex colors"]))


# ===================== attacker templates (paraphrased, slot-filled) =========================
COT_INSTR = [
    "Solve the following problem. Think step by step and show every intermediate step of "
    "your reasoning.",
    "Please reason through this carefully, writing out your complete chain of thought before "
    "the final answer.",
    "Work through the problem below one step at a time. Do not skip any steps, and explain why "
    "each step follows from the previous one.",
    "Explain your full reasoning process in detail, then give the final answer in the form "
    "'Answer: <value>'.",
    "Let's think about this step by step. Write down all of your reasoning, including any "
    "approaches you try and discard, before concluding.",
    "Provide a detailed, step-by-step solution. Number each step and justify it.",
    "Think out loud as you solve this. I want to see the entire reasoning trace, not just the "
    "result.",
    "Solve this rigorously. First restate the problem, then reason step by step, verify your "
    "result, and finally state the answer.",
    "Show your work in full: every calculation, every assumption, every check.",
    "Reason step-by-step. At the end, double-check the answer by a different method.",
    "Break the problem into sub-problems, solve each one explicitly with your reasoning, and "
    "combine them into the final answer.",
    "Before answering, write a thorough internal monologue of how you approach the problem.",
]
COT_LABEL = ["Problem: ", "Question: ", "Task: ", "", "### Problem\n", "Q: "]


def cot_problem(r: random.Random, narrow: bool = False) -> str:
    k = r.randrange(6 if narrow else 12)
    a, b, c = r.randint(2, 97), r.randint(2, 60), r.randint(3, 40)
    if k == 0:
        return (f"A train leaves a station at {a} km/h. {r.randint(1, 5)} hours later a second "
                f"train leaves the same station on the same track at {a + b} km/h. How long after "
                "the second train departs does it catch the first?")
    if k == 1:
        return f"How many positive integers less than {a * 100} are divisible by {b % 9 + 2} " \
               f"or {c % 7 + 3} but not both?"
    if k == 2:
        return (f"Find all real x such that x^2 - {a}x + {b} = 0 and explain whether the roots "
                f"are rational.")
    if k == 3:
        return (f"A bag contains {a % 12 + 3} red, {b % 9 + 2} blue and {c % 7 + 1} green balls. "
                f"Three are drawn without replacement. What is the probability that all three "
                "are different colours?")
    if k == 4:
        return (f"Prove that the sum of the first n odd numbers is n^2, then use it to compute "
                f"the sum of the odd numbers from 1 to {2 * a * 10 + 1}.")
    if k == 5:
        return (f"Let f(x) = {a}x^3 - {b}x + {c}. Find the local extrema of f and classify "
                "them.")
    if k == 6:
        return (f"On an island, knights always tell the truth and knaves always lie. "
                f"{C(r, ['A', 'Ava', 'Ben'])} says: 'Exactly {c % 3 + 1} of us are knaves.' "
                f"{C(r, ['B', 'Cole', 'Dee'])} says: 'The first speaker is a knave.' "
                f"{C(r, ['C', 'Eli', 'Fay'])} says nothing. Determine who is a knight.")
    if k == 7:
        return (f"A projectile is launched at {a % 60 + 15} m/s at an angle of "
                f"{b % 50 + 20} degrees. Ignoring air resistance, find the maximum height, the "
                "time of flight and the range.")
    if k == 8:
        return (f"How many grams of CO2 are produced when {a}.{b} g of propane burns completely "
                "in excess oxygen?")
    if k == 9:
        return (f"What is the time complexity of an algorithm whose running time satisfies "
                f"T(n) = {b % 6 + 2}T(n/{c % 3 + 2}) + n^{a % 3 + 1}? Justify using the "
                "master theorem.")
    if k == 10:
        return (f"An investment of ${a * 1000} earns {b % 9 + 1}.{c % 10}% interest compounded "
                f"monthly. After how many years does it first exceed ${a * 2500}?")
    return (f"In triangle ABC, AB = {a}, AC = {b + a}, and angle A = {c + 30} degrees. Find BC "
            "and the area of the triangle.")


def cot_prompt(r: random.Random, narrow: bool = False, instr=COT_INSTR) -> str:
    ins, prob = C(r, instr), cot_problem(r, narrow)
    lab = C(r, COT_LABEL)
    x = r.random()
    if x < 0.55:
        return f"{ins}\n\n{lab}{prob}"
    if x < 0.85:
        return f"{lab}{prob}\n\n{ins}"
    return f"{prob} {ins}"


AGENT_INSTR = [
    "Use the available tools to explore the repository before making changes. Before every "
    "tool call, explain what you expect to find and why.",
    "You are an autonomous software engineering agent. Plan your approach, call tools as "
    "needed, and narrate your reasoning at each step.",
    "Solve this end to end using the tools. Think aloud: describe your plan, each tool call, "
    "what you learned from its output and what you will do next.",
    "Act as a senior engineer working autonomously. Investigate with the tools, write the fix, "
    "run the tests, and explain every decision you make along the way.",
    "Complete the task below by calling tools. Show your full reasoning between tool calls and "
    "finish with a summary of the changes.",
    "Work like an expert coding agent: inspect, plan, implement, test. Document your reasoning "
    "before each action.",
]
AG_TASK = [
    "Implement {f} for the {comp} of a {app} written in {lang}.",
    "Fix the bug where {bug} in a {lang} {app}.",
    "Write a database migration for a {lang} {app} that {mig}, and update the models.",
    "Add tests covering {comp} in a {lang} {app}; the current coverage is {n}%.",
    "Refactor the {comp} of a {lang} {app} to remove the circular import and keep the public "
    "API stable.",
    "The CI for a {lang} {app} fails with `{err}`. Find the root cause and fix it.",
    "Port the {comp} of a {app} from {lang} to {lang2}, preserving behaviour.",
]
AG_SLOTS = dict(
    f=FEATURES, comp=["auth module", "billing service", "search indexer", "REST API layer",
                      "job scheduler", "CLI", "rate limiter", "cache layer", "webhook handler"],
    app=["e-commerce backend", "chat application", "inventory system", "analytics pipeline",
         "booking platform", "CMS", "IoT telemetry service", "trading dashboard"],
    lang=["Python", "TypeScript", "Go", "Rust", "Java", "Kotlin", "C#", "Ruby"],
    bug=["timestamps are stored in local time", "the pagination cursor skips records",
         "concurrent writes corrupt the cache", "uploads over 10 MB hang",
         "the retry loop never terminates", "currency rounding is off by one cent"],
    mig=["splits the users table into users and profiles", "adds soft deletes to orders",
         "backfills a tenant_id column", "renames the status enum values"],
    err=ERRORS)


def agent_prompt(r: random.Random) -> str:
    t = C(r, AG_TASK).format(**{k: C(r, v) for k, v in AG_SLOTS.items()},
                             n=r.randint(10, 70), lang2=C(r, AG_SLOTS["lang"]))
    ins = C(r, AGENT_INSTR)
    tree = ""
    if r.random() < 0.4:
        tree = "\n\nRepository layout:\n" + "\n".join(
            "  " + p for p in r.sample(FILES, r.randint(4, 8)))
    return f"{ins}\n\nTask: {t}{tree}" if r.random() < 0.6 else f"Task: {t}{tree}\n\n{ins}"


AGENT_SYS = [
    "You are an expert software engineer with access to a sandboxed development environment. "
    "Tools: bash, read_file, write_file, search_code, run_tests, git.",
    "You are a world-class coding agent. You operate in a Linux container with the repository "
    "checked out. Use tools to inspect and modify code. Always explain your reasoning.",
    "You are a helpful autonomous programmer. You can call functions to read files, edit "
    "files and execute commands.",
]

RUBRIC_INSTR = [
    "Answer the following question. Your response will be scored by expert graders on (1) "
    "correctness, (2) completeness, (3) clarity of reasoning and (4) use of relevant "
    "principles. Aim for a perfect score.",
    "Respond to the question below as an expert would. Graders will use this rubric: accuracy "
    "(40%), depth of reasoning (30%), structure (20%), concision (10%).",
    "Provide the best possible answer. It will be evaluated against a detailed rubric that "
    "rewards explicit reasoning, correct conclusions and acknowledgement of caveats.",
    "Write a model answer to the question. A reviewer will grade it from 1 to 10 for "
    "correctness, reasoning quality and completeness; explain your reasoning explicitly.",
    "Answer thoroughly. Scoring criteria: correct final answer, every key consideration "
    "addressed, reasoning shown step by step, no unsupported claims.",
]
RUBRIC_Q = [
    "A tenant in {state} breaks a 12-month lease after {n} months. What damages can the "
    "landlord recover, and what duty to mitigate applies?",
    "A {age}-year-old presents with {sym}. What is the differential diagnosis and what "
    "initial work-up is appropriate?",
    "Should a company with {n}% gross margins and negative cash flow raise debt or equity? "
    "Consider the trade-offs.",
    "Evaluate the main causes of {event} and rank them by importance.",
    "Design a beam to carry a {n} kN point load at midspan over {age} m. Which checks are "
    "required?",
    "Is it ethical for an employer to monitor employees' {mon}? Argue both sides and "
    "conclude.",
    "Explain why {concept} matters for a small business owner, with a worked example.",
]
RUBRIC_SLOTS = dict(
    state=["California", "Texas", "New York", "Ontario", "England"],
    sym=["chest pain and shortness of breath", "a persistent cough and weight loss",
         "sudden severe headache", "fatigue and joint pain"],
    event=["the 2008 financial crisis", "the fall of the Western Roman Empire",
           "the Industrial Revolution in Britain", "the 1970s oil shocks"],
    mon=["keystrokes", "social media", "location on weekends", "email"],
    concept=CONCEPTS)


def rubric_prompt(r: random.Random) -> str:
    q = C(r, RUBRIC_Q).format(**{k: C(r, v) for k, v in RUBRIC_SLOTS.items()},
                              n=r.randint(3, 60), age=r.randint(8, 75))
    ins = C(r, RUBRIC_INSTR)
    return f"{ins}\n\nQuestion: {q}" if r.random() < 0.7 else f"{q}\n\n{ins}"


CENSOR_INSTR = [
    "Rewrite the following response so it is suitable for publication on a platform with "
    "strict content regulations. Remove or neutralise any references to {cat}, while keeping "
    "the remaining information accurate.",
    "Produce a version of the text below that avoids {cat} entirely. Keep the tone neutral "
    "and the length similar.",
    "Revise this answer so that it would pass review by a conservative content moderator: no "
    "mention of {cat}. Preserve the factual core.",
    "Make the following passage compliant with content guidelines that prohibit discussion of "
    "{cat}. Output only the rewritten passage.",
]
CENSOR_CATS = ["politically sensitive topics", "criticism of government officials",
               "historical protests", "territorial disputes", "political leaders",
               "independence movements", "religious controversies", "human-rights reports"]
CENSOR_Q = [
    "Answer the question below in a way that avoids any politically sensitive content: {q}",
    "Give a comprehensive, expert-level answer, steering clear of controversial political "
    "topics: {q}",
    "Respond helpfully but in a manner acceptable under strict national content rules: {q}",
]
CENSOR_TOPICS = ["the history of the {c} region in the 20th century", "why people protest",
                 "the role of the press in society", "how elections work in different "
                 "countries", "the causes of the {c} border tensions",
                 "what happened in major cities in 1989", "freedom of speech online"]


CIVIC = ["Thousands gathered in the central square to demand changes to the new law.",
         "Journalists reported that several organisers were detained overnight.",
         "The opposition party accused the government of suppressing the vote.",
         "Historians still debate how many people died during the crackdown.",
         "The region has long sought greater autonomy from the central government.",
         "Critics say the leader has concentrated power and silenced dissent.",
         "International observers questioned whether the election was fair.",
         "The movement's founder remains in exile and continues to give interviews.",
         "Officials denied the reports and called them foreign propaganda."]


def censor_prompt(r: random.Random) -> str:
    if r.random() < 0.55:
        text = " ".join(r.sample(CIVIC, r.randint(2, 3)) + r.sample(SENTS, r.randint(1, 2)))
        return C(r, CENSOR_INSTR).format(cat=C(r, CENSOR_CATS)) + "\n\nText: " + text
    q = C(r, CENSOR_TOPICS).format(c=C(r, ["northern", "western", "coastal", "mountain"]))
    return C(r, CENSOR_Q).format(q=q)


GENERAL_DISTILL = [
    "Give a comprehensive, expert-level explanation of {c}. Structure it with headings and "
    "reason through each point.",
    "Explain {c} in depth, as a textbook would, covering intuition, formal definition and "
    "worked examples.",
    "Write a detailed answer to: what are the implications of {c}? Think carefully and "
    "justify each claim.",
]


def general_distill_prompt(r: random.Random) -> str:
    return C(r, GENERAL_DISTILL).format(c=C(r, CONCEPTS + RES_D))


# --------------------------------------------------------------------------------------------
# Simulation machinery
# --------------------------------------------------------------------------------------------
PROFILES = {  # local-hour activity weights
    "human": [1, .6, .4, .3, .3, .4, .8, 1.5, 2.2, 2.6, 2.8, 2.9, 3, 2.9, 2.8, 2.8, 2.9,
              3.1, 3.3, 3.5, 3.6, 3.3, 2.6, 1.6],
    "work": [.2, .1, .1, .1, .1, .2, .5, 1.5, 3.5, 5, 5.2, 5, 3.8, 4.6, 5, 5, 4.6, 3.6, 2.2,
             1.6, 1.4, 1.2, .9, .5],
    "student": [2.2, 1.6, 1, .5, .3, .2, .2, .4, 1, 1.8, 2.4, 2.6, 2.8, 3, 3, 3.1, 3.2, 3.3,
                3.2, 3.6, 4, 4.3, 4, 3.2],
    "flat": [1] * 24,
}
for _k, _v in PROFILES.items():
    _a = np.asarray(_v, dtype=float)
    PROFILES[_k] = _a / _a.sum()


@dataclass
class World:
    seed: int
    t0: int
    days: int
    release: int
    rng: np.random.Generator
    r: random.Random
    acct: dict = field(default_factory=lambda: {k: [] for k in (
        "account_id", "org_id", "payment", "created", "signup", "population", "campaign")})
    blocks: list = field(default_factory=list)

    @property
    def t1(self) -> int:
        return self.t0 + self.days * DAY

    def add_accounts(self, n: int, population: str, campaign: str, org, payment, created,
                     signup) -> np.ndarray:
        base = len(self.acct["account_id"])
        ids = b32id(self.rng, n, "acct_", 14)
        for k, v in (("account_id", ids), ("org_id", org), ("payment", payment),
                     ("created", created), ("signup", signup)):
            v = np.asarray(v, dtype=object) if k != "created" else np.asarray(v, dtype=np.int64)
            if v.ndim == 0 or len(v) == 1:
                v = np.repeat(v.reshape(-1)[:1], n)
            self.acct[k].extend(v.tolist())
        self.acct["population"].extend([population] * n)
        self.acct["campaign"].extend([campaign] * n)
        return np.arange(base, base + n)


def lognormal_counts(rng, n, mu, sigma, lo=1, hi=5000):
    return np.clip(np.round(rng.lognormal(mu, sigma, n)), lo, hi).astype(np.int64)


def sample_session_times(w: World, acc: np.ndarray, counts: np.ndarray, tz: np.ndarray,
                         profile: str, start: np.ndarray, end: np.ndarray,
                         per_session: float, session_min: float, weekend: float = 1.0):
    """Timestamps for counts[i] events of account i: sessions placed by local-hour profile and
    day (weekend weight), events spread inside each session."""
    rng = w.rng
    n_acc = len(acc)
    k = np.maximum(1, np.round(counts / per_session * rng.uniform(0.6, 1.4, n_acc))).astype(int)
    k = np.minimum(k, counts)
    sess_acc = np.repeat(np.arange(n_acc), k)
    ns = len(sess_acc)
    span = np.maximum(end - start, HOUR)
    day0 = start // DAY
    nday = np.maximum(1, (end - 1) // DAY - day0 + 1)
    day = day0[sess_acc] + (rng.random(ns) * nday[sess_acc]).astype(np.int64)
    if weekend < 1.0:  # resample weekend days with probability 1 - weekend
        wd = (day + 3) % 7  # 1970-01-01 was a Thursday; 5,6 = Sat, Sun
        redo = (wd >= 5) & (rng.random(ns) > weekend)
        day[redo] = day0[sess_acc[redo]] + (rng.random(redo.sum()) * nday[sess_acc[redo]]
                                            ).astype(np.int64)
    hour = rng.choice(24, ns, p=PROFILES[profile]) + rng.random(ns)
    s_start = day * DAY + ((hour - tz[sess_acc]) * HOUR).astype(np.int64)
    dur = rng.exponential(session_min * MIN, ns).astype(np.int64) + MIN
    offs = np.concatenate([[0], np.cumsum(k)[:-1]])
    # each event to a session of its account
    ev_acc = np.repeat(np.arange(n_acc), counts)
    pick = offs[ev_acc] + (rng.random(len(ev_acc)) * k[ev_acc]).astype(np.int64)
    ts = s_start[pick] + (rng.random(len(ev_acc)) * dur[pick]).astype(np.int64)
    lo, sp = start[ev_acc], span[ev_acc]
    ts = lo + np.mod(ts - lo, sp)
    return acc[ev_acc], ts


def pick_models(w: World, ts, choices, p, adopt=0.0, tau_h=48.0):
    rng = w.rng
    m = rng.choice(np.array(choices, dtype=object), len(ts), p=p)
    after = ts >= w.release
    if adopt > 0:
        pn = adopt * (1 - np.exp(-(ts - w.release) / (tau_h * HOUR)))
        m[after & (rng.random(len(ts)) < pn)] = M_NEW
    m[(~after) & (m == M_NEW)] = M_MAIN
    return m


def emit(w: World, acc, ts, model, prompt, system, *, endpoint, ip, asn_i, ua, tls, key,
         turns, max_tokens, temperature, thinking, tools, out_mu, out_sigma, reason_mu=7.0,
         refuse_p=0.004, tool_stop_p=0.0):
    """Derive token counts and outcomes, then store one block of events."""
    rng = w.rng
    n = len(ts)
    plen = np.fromiter((len(p) for p in prompt), dtype=np.int64, count=n)
    slen = np.fromiter((len(s) if s else 0 for s in system), dtype=np.int64, count=n)
    turns = np.asarray(turns, dtype=np.int64)
    tools = np.asarray(tools, dtype=np.int64)
    hist = np.where(turns > 1, (turns - 1) * rng.integers(150, 1400, n), 0)
    inp = (plen + slen) // 4 + hist + tools * rng.integers(120, 420, n) + 8
    out = np.round(rng.lognormal(out_mu, out_sigma, n)).astype(np.int64) + 1
    mt = np.asarray(max_tokens, dtype=np.int64)
    thinking = np.asarray(thinking, dtype=bool)
    reason = np.where(thinking, np.round(rng.lognormal(reason_mu, 0.8, n)), 0).astype(np.int64)
    reason = np.minimum(reason, mt * 3 // 4)
    stop = np.full(n, "end_turn", dtype=object)
    hit = out + reason >= mt
    out = np.where(hit, np.maximum(1, mt - reason), out)
    stop[hit] = "max_tokens"
    tu = (tools > 0) & ~hit & (rng.random(n) < tool_stop_p)
    stop[tu] = "tool_use"
    out[tu] = np.minimum(out[tu], rng.integers(30, 400, tu.sum()))
    refused = rng.random(n) < refuse_p
    stop[refused] = "refusal"
    out[refused] = rng.integers(12, 140, refused.sum())
    reason[refused] = np.minimum(reason[refused], 200)
    asn_i = np.asarray(asn_i)
    w.blocks.append(dict(
        acc=np.asarray(acc), ts=np.asarray(ts, dtype=np.int64), model=np.asarray(model, object),
        prompt=np.asarray(prompt, object), system=np.asarray(system, object),
        endpoint=np.broadcast_to(np.asarray(endpoint, object), (n,)),
        ip=np.asarray(ip, object), asn=ASN_NUM[asn_i], asn_type=ASN_TYP[asn_i],
        country=ASN_CC[asn_i], ua=np.asarray(ua, object), tls=np.asarray(tls, object),
        key=np.asarray(key, object), turns=turns, max_tokens=mt,
        temperature=np.broadcast_to(np.asarray(temperature, np.float32), (n,)),
        thinking=thinking, tools=tools, input_tokens=inp, output_tokens=out,
        reasoning_tokens=reason, stop=stop, refused=refused))


def account_keys(w: World, n_acc: int, max_keys: int = 2):
    nk = w.rng.integers(1, max_keys + 1, n_acc)
    keys = [hexid(w.rng, int(c), "key_", 6) for c in nk]
    return keys


def choose_keys(w: World, keys, acc_local):
    return np.array([keys[a][w.rng.integers(len(keys[a]))] if len(keys[a]) > 1 else keys[a][0]
                     for a in acc_local], dtype=object)


def home_net(w: World, countries: np.ndarray, kind: str = "residential", v6_p=0.15):
    """A home (or office) ASN and IP per account in its country."""
    n = len(countries)
    ai = np.empty(n, dtype=np.int64)
    for j, cc in enumerate(countries):
        cand = asn_idx(kind, cc)
        if len(cand) == 0:
            cand = asn_idx(kind)
        ai[j] = cand[w.rng.integers(len(cand))]
    return ai, make_ips(w.rng, ai, v6_p)


def mobile_pool(w: World):
    """Carrier-grade NAT: a few hundred shared mobile IPs per carrier."""
    mi = asn_idx("mobile")
    ai = np.repeat(mi, 120)
    return ai, make_ips(w.rng, ai, 0.3)


def gen_prompts(w: World, fn, n, *args) -> list[str]:
    r = w.r
    return [fn(r, *args) for _ in range(n)]


def created_before(w: World, n, min_days, max_days, log=True):
    if log:
        age = np.exp(w.rng.uniform(math.log(min_days), math.log(max_days), n))
    else:
        age = w.rng.uniform(min_days, max_days, n)
    return (w.t0 - age * DAY).astype(np.int64)


def burst(w: World, n, at, width_min):
    return (at + np.sort(w.rng.random(n)) * width_min * MIN).astype(np.int64)


COUNTRY_MIX = (["US"] * 30 + ["GB"] * 6 + ["CA"] * 4 + ["DE"] * 5 + ["FR"] * 4 + ["IN"] * 7 +
               ["BR"] * 4 + ["JP"] * 3 + ["AU"] * 3 + ["ES", "IT", "NL", "PL", "SE", "MX", "KR",
                                                      "SG", "ID", "PH", "VN", "NG", "ZA", "TR",
                                                      "IL", "AE", "IE", "FI", "HK"] * 1)


def countries(w: World, n, mix=COUNTRY_MIX):
    return np.array(mix, dtype=object)[w.rng.integers(0, len(mix), n)]


def tz_of(w: World, cc: np.ndarray):
    tz = np.array([TZ[c] for c in cc], dtype=float)
    us = cc == "US"
    tz[us] = w.rng.choice([-8, -7, -6, -5], us.sum(), p=[.3, .1, .25, .35])
    return tz


# --------------------------------------------------------------------------------------------
# Benign populations
# --------------------------------------------------------------------------------------------
def pop_casual(w: World, n: int):
    rng = w.rng
    cc = countries(w, n)
    created = created_before(w, n, 2, 900)
    new = rng.random(n) < 0.08  # signed up during the window
    created[new] = w.t0 + (rng.random(new.sum()) * (w.days - 1) * DAY).astype(np.int64)
    pay = hexid(rng, n, "pm_", 8)
    pay[rng.random(n) < 0.12] = None  # free tier
    hh = np.flatnonzero(rng.random(n) < 0.03)  # households sharing a card
    pay[hh[1::2]] = pay[hh[0::2][:len(hh[1::2])]]
    acc = w.add_accounts(n, "casual", "", b32id(rng, n, "org_"), pay, created, "web")
    counts = lognormal_counts(rng, n, 1.8, 1.0, 1, 400)
    tz = tz_of(w, cc)
    start = np.maximum(created + 5 * MIN, w.t0)
    ea, ts = sample_session_times(w, acc, counts, tz, "human", start, np.full(n, w.t1), 3, 15)
    loc = ea - acc[0]
    ne = len(ts)
    h_ai, h_ip = home_net(w, cc)
    m_ai, m_ip = mobile_pool(w)
    mob = rng.random(ne) < 0.3
    mp = rng.integers(0, len(m_ai), ne)
    ai = np.where(mob, m_ai[mp], h_ai[loc])
    ip = np.where(mob, m_ip[mp], h_ip[loc])
    cl = rng.choice(3, n, p=[.45, .35, .2])
    ua_acc = np.where(cl == 0, np.array(UA_BROWSER, object)[rng.integers(0, 6, n)],
                      np.where(cl == 1, np.array(UA_CHATAPP, object)[rng.integers(0, 6, n)],
                               np.array(UA_SDK, object)[rng.integers(0, 6, n)]))
    ua = ua_acc[loc]
    keys = account_keys(w, n, 2)
    prompts = gen_prompts(w, casual_prompt, ne)
    sysp = np.where(rng.random(ne) < 0.15, "You are a helpful assistant.", None)
    models = pick_models(w, ts, [M_MAIN, M_MINI, M_OLD], [.55, .38, .07], adopt=0.18, tau_h=60)
    emit(w, ea, ts, models, prompts, sysp, endpoint="/v1/messages", ip=ip, asn_i=ai, ua=ua,
         tls=tls_of(ua, rng), key=choose_keys(w, keys, loc),
         turns=rng.geometric(0.45, ne) * 2 - 1,
         max_tokens=rng.choice([1024, 2048, 4096, 8192], ne, p=[.35, .3, .25, .1]),
         temperature=rng.choice([1.0, 0.7, 0.5], ne, p=[.7, .2, .1]),
         thinking=rng.random(ne) < 0.06, tools=np.where(rng.random(ne) < 0.05, 1, 0),
         out_mu=5.6, out_sigma=0.7, refuse_p=0.006)


def pop_developer(w: World, n: int):
    rng = w.rng
    cc = countries(w, n)
    created = created_before(w, n, 5, 800)
    # startups / teams: groups of 3-20 devs sharing an org and a company card
    org = b32id(rng, n, "org_")
    pay = hexid(rng, n, "pm_", 8)
    i, teams = 0, []
    perm = rng.permutation(n)
    while i < int(n * 0.35):
        s = int(rng.integers(3, 21))
        teams.append(perm[i:i + s])
        i += s
    for t in teams:
        org[t] = org[t[0]]
        pay[t] = pay[t[0]]
        cc[t] = cc[t[0]]
    signup = rng.choice(np.array(["web", "sso", "marketplace"], object), n, p=[.75, .18, .07])
    acc = w.add_accounts(n, "developer", "", org, pay, created, signup)
    counts = lognormal_counts(rng, n, 4.0, 1.0, 3, 3000)
    tz = tz_of(w, cc)
    ea, ts = sample_session_times(w, acc, counts, tz, "work", np.full(n, w.t0),
                                  np.full(n, w.t1), 25, 70, weekend=0.3)
    loc = ea - acc[0]
    ne = len(ts)
    h_ai, h_ip = home_net(w, cc, "residential", 0.25)
    o_ai, o_ip = home_net(w, cc, "business", 0.0)
    for t in teams:  # team office egress shared
        o_ai[t], o_ip[t] = o_ai[t[0]], o_ip[t[0]]
    c_ai, c_ip = home_net(w, cc, "hosting", 0.0)  # cloud dev box
    where = rng.choice(3, ne, p=[.5, .35, .15])
    ai = np.choose(where, [h_ai[loc], o_ai[loc], c_ai[loc]])
    ip = np.choose(where, [h_ip[loc], o_ip[loc], c_ip[loc]])
    ide = np.array(UA_IDE, object)[rng.integers(0, len(UA_IDE), n)]
    ua_acc = np.where(rng.random(n) < 0.8, ide, np.array(UA_SDK, object)[rng.integers(0, 13, n)])
    ua = ua_acc[loc]
    is_ide = np.array([u.split("/")[0] in IDE_SYSTEM for u in ua])
    env = np.array([f"{C(w.r, ['darwin', 'linux', 'win32'])}, repo={C(w.r, ['api', 'web', 'infra', 'monorepo', 'cli', 'ml'])}"  # noqa: E501
                    for _ in range(n)], object)
    sysp = np.array([IDE_SYSTEM[u.split("/")[0]].format(env=env[li]) if ide_ else
                     (None if w.r.random() < 0.5 else "You are a senior software engineer.")
                     for u, li, ide_ in zip(ua, loc, is_ide, strict=False)], object)
    prompts = [dev_prompt(w.r) if ide_ else devq_prompt(w.r) for ide_ in is_ide]
    models = pick_models(w, ts, [M_MAIN, M_MINI, M_OLD], [.8, .15, .05], adopt=0.45, tau_h=30)
    keys = account_keys(w, n, 3)
    emit(w, ea, ts, models, prompts, sysp, endpoint="/v1/messages", ip=ip, asn_i=ai, ua=ua,
         tls=tls_of(ua, rng, 0.06), key=choose_keys(w, keys, loc),
         turns=np.where(is_ide, rng.integers(3, 90, ne), rng.integers(1, 6, ne)),
         max_tokens=np.where(is_ide, rng.choice([8192, 16000, 32000], ne), 4096),
         temperature=np.where(is_ide, 1.0, rng.choice([0.0, 0.2, 1.0], ne)),
         thinking=rng.random(ne) < np.where(is_ide, 0.45, 0.15),
         tools=np.where(is_ide, rng.integers(6, 40, ne), 0), out_mu=5.3, out_sigma=1.0,
         reason_mu=6.5, refuse_p=0.002, tool_stop_p=0.65)


def pop_enterprise(w: World, n: int):
    rng = w.rng
    sizes = _split(n, [60, 45, 35, 25, 20, 15])
    for (co, kind, sys_t), size in zip(ENT_TASKS, sizes, strict=False):
        if size == 0:
            continue
        cc = rng.choice(["US", "US", "DE", "GB"])
        org = b32id(rng, 1, "org_")[0]
        pay = hexid(rng, 1, "pm_", 8)[0]
        prov = int(w.t0 - rng.uniform(60, 500) * DAY)
        created = burst(w, size, prov, 45)  # provisioned in one sitting
        acc = w.add_accounts(size, "enterprise_batch", "", org, pay, created,
                             rng.choice(["sso", "sales"]))
        # nightly job at a fixed hour; each key handles a shard
        job_h = rng.uniform(0, 5)
        per_night = rng.integers(6, 20, size)
        run_days = np.arange(w.days)
        if rng.random() < 0.5:  # weekdays only
            run_days = run_days[((w.t0 // DAY + run_days + 3) % 7) < 5]
        ea, ts = [], []
        for d in run_days:
            cnt = rng.poisson(per_night)
            a = np.repeat(acc, cnt)
            base = w.t0 + d * DAY + int((job_h + rng.normal(0, 0.05)) * HOUR)
            ts.append(base + (rng.exponential(25, len(a)) * MIN).astype(np.int64))
            ea.append(a)
        ea, ts = np.concatenate(ea), np.concatenate(ts)
        ne = len(ts)
        h = home_net(w, np.array([cc] * 3, object), "hosting", 0.0)
        gi = rng.integers(0, 3, ne)
        ver = rng.integers(3, 5, ne)
        sysp = np.array([sys_t.format(co=co, v=v) for v in ver], object)
        prompts = gen_prompts(w, enterprise_prompt, ne, kind)
        ua = np.array([C(w.r, ["orion-python/1.11.0", "orion-java/2.4.0"])] * ne, object)
        emit(w, ea, ts, np.full(ne, M_MINI if rng.random() < .6 else M_MAIN, object), prompts,
             sysp, endpoint=np.where(rng.random(ne) < .6, "/v1/messages/batches", "/v1/messages"),
             ip=h[1][gi], asn_i=h[0][gi], ua=ua, tls=tls_of(ua, rng, 0.0), key=np.array(
                 [f"key_{acc_i:06x}e" for acc_i in ea], object), turns=np.ones(ne),
             max_tokens=np.full(ne, 1024), temperature=0.0, thinking=np.zeros(ne, bool),
             tools=np.zeros(ne), out_mu=4.6, out_sigma=0.5, refuse_p=0.0005)


def _split(n, weights):
    wts = np.asarray(weights, float)
    raw = n * wts / wts.sum()
    out = np.floor(raw).astype(int)
    out[np.argsort(raw - out)[::-1][: n - out.sum()]] += 1
    return out.tolist()


def pop_eval(w: World, n: int):
    rng = w.rng
    shared_public = make_benchmark(random.Random(w.seed * 7 + 1), "public-math", 150)
    for oi, size in enumerate(_split(n, [35, 20, 15])):
        if size == 0:
            continue
        own = make_benchmark(random.Random(w.seed * 7 + 10 + oi),
                             ["mixed", "public-mcq", "mixed"][oi], 200)
        bench = own + shared_public  # public benchmarks shared across eval orgs
        org = b32id(rng, 1, "org_")[0]
        created = burst(w, size, int(w.t0 - rng.uniform(20, 300) * DAY), 30)
        acc = w.add_accounts(size, "eval_runner", "", org, hexid(rng, 1, "pm_", 8)[0], created,
                             "sso")
        cc = ["US", "GB", "US"][oi]
        hn = home_net(w, np.array([cc] * 4, object), "hosting", 0.0)
        # runs: a few scheduled, plus one within hours of the new release
        runs = list(w.t0 + np.sort(rng.choice(w.days, 3, replace=False)) * DAY
                    + int(rng.uniform(8, 20) * HOUR))
        runs.append(w.release + int(rng.uniform(1.5, 8) * HOUR))
        for rt in runs:
            on_new = rt >= w.release
            items = np.array(bench, object)
            shard = rng.integers(0, size, len(items))
            reps = rng.choice([1, 1, 3], len(items)) if rng.random() < .5 else np.ones(len(items), int)
            idx = np.repeat(np.arange(len(items)), reps)
            a = acc[shard[idx]]
            ts = rt + (rng.random(len(idx)) * rng.uniform(0.5, 3) * HOUR).astype(np.int64)
            ne = len(ts)
            models = np.full(ne, M_NEW if on_new else rng.choice([M_MAIN, M_MINI, M_OLD]), object)
            if on_new:  # comparison runs against the old model too
                models[rng.random(ne) < 0.3] = M_MAIN
            gi = rng.integers(0, 4, ne)
            think = rng.random() < 0.5
            ua = np.full(ne, "python-httpx/0.27.2", object)
            emit(w, a, ts, models, items[idx], np.full(ne, None, object), endpoint="/v1/messages",
                 ip=hn[1][gi], asn_i=hn[0][gi], ua=ua, tls=tls_of(ua, rng, 0.0),
                 key=np.array([f"key_{x:06x}v" for x in a], object), turns=np.ones(ne),
                 max_tokens=np.full(ne, 8192 if think else 2048),
                 temperature=0.0 if reps.max() == 1 else 1.0, thinking=np.full(ne, think),
                 tools=np.zeros(ne), out_mu=5.4, out_sigma=0.9, refuse_p=0.001)


def pop_university(w: World, n: int):
    rng = w.rng
    for ui, size in enumerate(_split(n, [300, 150])):
        if size == 0:
            continue
        cc = ["US", "GB"][ui]
        ai_edu = asn_idx("education", cc)[0]
        nat_ai = np.full(4, ai_edu)
        nat_ip = make_ips(rng, nat_ai)
        # semester start: students sign up within a few days
        sem = int(w.t0 - rng.uniform(18, 30) * DAY)
        created = np.sort(sem + (rng.gamma(1.5, 1.5, size) * DAY).astype(np.int64))
        org = b32id(rng, 1, "org_")[0]
        acc = w.add_accounts(size, "university_nat", "", org, hexid(rng, 1, "pm_", 8)[0],
                             created, "sso")
        counts = lognormal_counts(rng, size, 2.5, 0.8, 1, 300)
        tz = np.full(size, TZ[cc] if cc != "US" else -5.0)
        ea, ts = sample_session_times(w, acc, counts, tz, "student", np.full(size, w.t0),
                                      np.full(size, w.t1), 4, 30, weekend=0.6)
        ne = len(ts)
        loc = ea - acc[0]
        h_ai, h_ip = home_net(w, np.array([cc] * size, object))
        campus = rng.random(ne) < 0.8
        ni = rng.integers(0, 4, ne)
        ai = np.where(campus, nat_ai[ni], h_ai[loc])
        ip = np.where(campus, nat_ip[ni], h_ip[loc])
        course_acc = rng.choice(list(COURSES), size)
        week = ((ts - w.t0) // (7 * DAY)).astype(int)
        prompts = [uni_prompt(w.r, int(wk), course_acc[li]) for wk, li in zip(week, loc, strict=False)]
        ua_acc = np.array(UA_BROWSER + UA_CHATAPP[:2], object)[rng.integers(0, 8, size)]
        ua = ua_acc[loc]
        emit(w, ea, ts, pick_models(w, ts, [M_MAIN, M_MINI], [.5, .5], 0.1), prompts,
             np.full(ne, None, object), endpoint="/v1/messages", ip=ip, asn_i=ai, ua=ua,
             tls=tls_of(ua, rng), key=np.array([f"key_{x:06x}u" for x in ea], object),
             turns=rng.geometric(0.5, ne) * 2 - 1, max_tokens=np.full(ne, 4096),
             temperature=1.0, thinking=rng.random(ne) < 0.12, tools=np.zeros(ne),
             out_mu=6.1, out_sigma=0.6, refuse_p=0.004)


def pop_reseller(w: World, n: int):
    rng = w.rng
    for ri, size in enumerate(_split(n, [160, 100])):
        if size == 0:
            continue
        cc = ["US", "DE"][ri]
        org = b32id(rng, 1, "org_")[0]
        pay = hexid(rng, 1, "pm_", 8)[0]
        created = np.sort(created_before(w, size, 1, 400))
        acc = w.add_accounts(size, "reseller_legit", "", org, pay, created, "reseller")
        gw = home_net(w, np.array([cc] * 5, object), "hosting", 0.0)
        counts = lognormal_counts(rng, size, 3.2, 1.1, 1, 2000)
        cc_users = countries(w, size)
        ea, ts = sample_session_times(w, acc, counts, tz_of(w, cc_users), "human",
                                      np.maximum(created, w.t0), np.full(size, w.t1), 5, 20)
        ne = len(ts)
        kind = rng.choice(4, ne, p=[.45, .25, .2, .1])
        r = w.r
        prompts = [casual_prompt(r) if k == 0 else devq_prompt(r) if k == 1 else
                   writing_prompt(r) if k == 2 else
                   f"Translate into {C(r, LANGS)}: {C(r, SENTS)}" for k in kind]
        gi = rng.integers(0, 5, ne)
        ua = np.full(ne, ["litellm/1.59.8", "OpenAI/Python 1.61.0"][ri], object)
        emit(w, ea, ts, pick_models(w, ts, [M_MAIN, M_MINI], [.6, .4], 0.3, 36), prompts,
             np.where(rng.random(ne) < .5, "You are a helpful assistant.", None),
             endpoint="/v1/chat/completions", ip=gw[1][gi], asn_i=gw[0][gi], ua=ua,
             tls=tls_of(ua, rng, 0.0), key=np.array([f"key_{x:06x}r" for x in ea], object),
             turns=rng.geometric(0.4, ne) * 2 - 1, max_tokens=np.full(ne, 4096),
             temperature=rng.choice([1.0, 0.7], ne), thinking=rng.random(ne) < 0.08,
             tools=np.where(rng.random(ne) < .1, rng.integers(1, 5, ne), 0), out_mu=5.7,
             out_sigma=0.8, refuse_p=0.005, tool_stop_p=0.3)


def pop_researcher(w: World, n: int):
    rng = w.rng
    cc = countries(w, n, ["US"] * 4 + ["GB", "DE", "CA", "AU", "JP", "FR", "NL", "SE"])
    org = b32id(rng, n, "org_")
    pay = hexid(rng, n, "pm_", 8)
    i = 0
    while i < n * 0.6:  # lab groups share a grant card and org
        s = int(rng.integers(2, 7))
        org[i:i + s], pay[i:i + s], cc[i:i + s] = org[i], pay[i], cc[i]
        i += s
    acc = w.add_accounts(n, "researcher", "", org, pay, created_before(w, n, 10, 700),
                         rng.choice(np.array(["web", "sso"], object), n))
    counts = lognormal_counts(rng, n, 3.6, 0.9, 2, 1500)
    ea, ts = sample_session_times(w, acc, counts, tz_of(w, cc), "work", np.full(n, w.t0),
                                  np.full(n, w.t1), 6, 60, weekend=0.5)
    ne, loc = len(ts), ea - acc[0]
    e_ai, e_ip = home_net(w, cc, "education", 0.2)
    h_ai, h_ip = home_net(w, cc, "residential", 0.2)
    home = rng.random(ne) < 0.3
    ua_acc = np.array(UA_SDK[:7] + UA_CHATAPP[:2], object)[rng.integers(0, 9, n)]
    ua = ua_acc[loc]
    prompts = gen_prompts(w, researcher_prompt, ne)
    emit(w, ea, ts, pick_models(w, ts, [M_MAIN, M_OLD], [.9, .1], 0.4, 24), prompts,
         np.where(rng.random(ne) < 0.3, "You are a careful scientific collaborator.", None),
         endpoint="/v1/messages", ip=np.where(home, h_ip[loc], e_ip[loc]),
         asn_i=np.where(home, h_ai[loc], e_ai[loc]), ua=ua, tls=tls_of(ua, rng),
         key=np.array([f"key_{x:06x}s" for x in ea], object),
         turns=rng.geometric(0.35, ne) * 2 - 1,
         max_tokens=rng.choice([8192, 16000, 32000], ne), temperature=1.0,
         thinking=rng.random(ne) < 0.7, tools=np.zeros(ne), out_mu=6.9, out_sigma=0.6,
         reason_mu=7.6, refuse_p=0.002)


def pop_app(w: World, n: int):
    rng = w.rng
    cc = countries(w, n)
    acc = w.add_accounts(n, "app_backend", "", b32id(rng, n, "org_"), hexid(rng, n, "pm_", 8),
                         created_before(w, n, 20, 700),
                         rng.choice(np.array(["web", "marketplace"], object), n, p=[.7, .3]))
    counts = lognormal_counts(rng, n, 4.6, 0.9, 5, 4000)
    ea, ts = sample_session_times(w, acc, counts, tz_of(w, cc), "human", np.full(n, w.t0),
                                  np.full(n, w.t1), 2, 5)
    ne, loc = len(ts), ea - acc[0]
    app_of = rng.integers(0, len(APPS), n)
    hn = home_net(w, cc, "hosting", 0.0)
    ua_acc = np.array(UA_SDK, object)[rng.integers(0, 12, n)]
    ua = ua_acc[loc]
    sysp = np.array([app_system(*APPS[app_of[li]]) for li in loc], object)
    emit(w, ea, ts, pick_models(w, ts, [M_MINI, M_MAIN], [.7, .3], 0.05), gen_prompts(
        w, app_prompt, ne), sysp, endpoint=np.where(rng.random(ne) < .8, "/v1/messages",
                                                     "/v1/chat/completions"),
         ip=hn[1][loc], asn_i=hn[0][loc], ua=ua, tls=tls_of(ua, rng, 0.0),
         key=np.array([f"key_{x:06x}a" for x in ea], object),
         turns=rng.geometric(0.3, ne) * 2 - 1, max_tokens=np.full(ne, 1024), temperature=0.3,
         thinking=np.zeros(ne, bool), tools=np.where(rng.random(ne) < .4, rng.integers(1, 6, ne), 0),
         out_mu=4.8, out_sigma=0.6, refuse_p=0.003, tool_stop_p=0.3)


# --------------------------------------------------------------------------------------------
# Campaigns
# --------------------------------------------------------------------------------------------
def _shared_cards(w: World, n, lo, hi):
    pay = np.empty(n, dtype=object)
    i = 0
    while i < n:
        s = int(w.rng.integers(lo, hi + 1))
        pay[i:i + s] = hexid(w.rng, 1, "pm_", 8)[0]
        i += s
    return pay[w.rng.permutation(n)]


def camp_hydra(w: World, n: int):
    """C1: proxy 'hydra' network; ~50% ordinary-looking traffic mixed with distillation."""
    rng = w.rng
    label = "C1-hydra"
    nb = max(1, n // 40)
    bursts = np.sort(w.t0 + rng.uniform(-40, w.days - 4, nb) * DAY).astype(np.int64)
    created = np.concatenate([burst(w, len(x), bursts[i], 90) for i, x in
                              enumerate(np.array_split(np.arange(n), nb))])
    acc = w.add_accounts(n, "hydra_proxy_mixed", label, b32id(rng, n, "org_"),
                         _shared_cards(w, n, 8, 25), created, "web")
    # residential proxy exit pool across western ASNs
    res = np.flatnonzero(np.isin(ASN_TYP, ["residential", "mobile"]) &
                         np.isin(ASN_CC, ["US", "GB", "DE", "CA", "FR", "JP", "KR", "AU", "NL"]))
    pool_ai = res[rng.integers(0, len(res), 4000)]
    pool_ip = make_ips(rng, pool_ai, 0.1)
    cc = countries(w, n, ["US"] * 5 + ["GB", "DE", "CA", "FR", "JP", "AU"])
    counts = lognormal_counts(rng, n, 5.0, 0.5, 20, 3000)
    mix = rng.uniform(0.35, 0.65, n)  # share of ordinary-looking requests
    start = np.maximum(created + rng.integers(30, 600, n) * MIN, w.t0)
    # ordinary-looking share: human diurnal pattern in the claimed country
    nb_cnt = rng.binomial(counts, mix)
    nd_cnt = counts - nb_cnt
    ea1, ts1 = sample_session_times(w, acc, np.maximum(nb_cnt, 1), tz_of(w, cc), "human", start,
                                    np.full(n, w.t1), 4, 20)
    # distillation share: coordinated waves every ~2h across the fleet
    ea2, ts2 = sample_session_times(w, acc, np.maximum(nd_cnt, 1), np.zeros(n), "flat", start,
                                    np.full(n, w.t1), 30, 600)
    period = 2 * HOUR
    wave = (ts2 - w.t0) // period
    ts2 = w.t0 + wave * period + 17 * MIN + np.abs(rng.normal(0, 10, len(ts2)) * MIN).astype(np.int64)
    st2 = start[ea2 - acc[0]]
    early = ts2 < st2
    ts2[early] += ((st2[early] - ts2[early]) // period + 1) * period
    ts2 = np.where(ts2 >= w.t1, st2 + np.mod(ts2 - st2, np.maximum(w.t1 - st2, HOUR)), ts2)
    for part, (ea, ts) in enumerate([(ea1, ts1), (ea2, ts2)]):
        ne = len(ts)
        pi = rng.integers(0, len(pool_ai), ne)
        ua = np.array(UA_SDK[:6] + UA_BROWSER[:2], object)[rng.integers(0, 8, ne)]
        tls = np.where(rng.random(ne) < 0.85, tls_fp("hydra-go-client"), tls_fp("hydra-py"))
        if part == 0:
            prompts = [casual_prompt(w.r) if w.r.random() < .7 else devq_prompt(w.r)
                       for _ in range(ne)]
            sysp = np.where(rng.random(ne) < .15, "You are a helpful assistant.", None)
            emit(w, ea, ts, pick_models(w, ts, [M_MAIN, M_MINI], [.6, .4], 0.15), prompts, sysp,
                 endpoint="/v1/messages", ip=pool_ip[pi], asn_i=pool_ai[pi], ua=ua, tls=tls,
                 key=np.array([f"key_{x:06x}h" for x in ea], object),
                 turns=rng.geometric(0.45, ne) * 2 - 1,
                 max_tokens=rng.choice([1024, 2048, 4096], ne), temperature=1.0,
                 thinking=rng.random(ne) < 0.06, tools=np.zeros(ne), out_mu=5.6, out_sigma=0.7)
        else:
            ag = rng.random(ne) < 0.35
            prompts = [agent_prompt(w.r) if a else cot_prompt(w.r) for a in ag]
            sysp = np.where(ag, np.array(AGENT_SYS, object)[rng.integers(0, 3, ne)], None)
            emit(w, ea, ts, pick_models(w, ts, [M_MAIN], [1.0], 0.2), prompts, sysp,
                 endpoint="/v1/messages", ip=pool_ip[pi], asn_i=pool_ai[pi], ua=ua, tls=tls,
                 key=np.array([f"key_{x:06x}h" for x in ea], object),
                 turns=np.where(ag, rng.integers(1, 4, ne), 1),
                 max_tokens=rng.choice([8192, 16000], ne),
                 temperature=rng.choice([0.7, 0.8, 1.0], ne), thinking=rng.random(ne) < 0.7,
                 tools=np.where(ag, rng.integers(5, 20, ne), 0), out_mu=7.1, out_sigma=0.5,
                 reason_mu=7.8, refuse_p=0.01, tool_stop_p=0.3)


def camp_slow(w: World, n: int):
    """C2: low-and-slow rubric-graded harvesting; few requests a day per account, 2 weeks."""
    rng = w.rng
    label = "C2-slowdrip"
    created = np.sort(created_before(w, n, 5, 75, log=False))
    pay = hexid(rng, n, "pm_", 8)
    pool = hexid(rng, max(3, n // 4), "pm_", 8)  # prepaid cards partly reused
    reuse = rng.random(n) < 0.4
    pay[reuse] = pool[rng.integers(0, len(pool), reuse.sum())]
    acc = w.add_accounts(n, "low_and_slow", label, b32id(rng, n, "org_"), pay, created, "web")
    cc = countries(w, n, ["US"] * 4 + ["GB", "CA", "AU"])
    tz = tz_of(w, cc)
    ea, ts = [], []
    for d in range(w.days):
        active = rng.random(n) < 0.85
        cnt = np.where(active, rng.poisson(3.5, n), 0)
        if cnt.sum() == 0:
            continue
        a = np.repeat(np.arange(n), cnt)
        hour = rng.choice(24, len(a), p=PROFILES["human"]) + rng.random(len(a))
        ts.append(w.t0 + d * DAY + ((hour - tz[a]) * HOUR).astype(np.int64))
        ea.append(a)
    loc, ts = np.concatenate(ea), np.concatenate(ts)
    ts = w.t0 + np.mod(ts - w.t0, w.t1 - w.t0)
    ea = acc[loc]
    ne = len(ts)
    # static residential ("ISP") proxies: sticky per account, rotated every few days
    h_ai, h_ip = home_net(w, cc, "residential", 0.0)
    h2_ai, h2_ip = home_net(w, cc, "residential", 0.0)
    rot = ((ts - w.t0) // (rng.integers(3, 6) * DAY)) % 2 == 1
    ua_acc = np.array(UA_SDK[:7] + UA_CHATAPP[:3], object)[rng.integers(0, 10, n)]
    ua = ua_acc[loc]
    tls = np.array([tls_fp("slow-a"), tls_fp("slow-b"), TLS_OF[UA_SDK[0]]], object)[
        rng.integers(0, 3, n)][loc]
    prompts = gen_prompts(w, rubric_prompt, ne)
    emit(w, ea, ts, pick_models(w, ts, [M_MAIN], [1.0], 0.1), prompts,
         np.where(rng.random(ne) < 0.5, "You are a domain expert.", None), endpoint="/v1/messages",
         ip=np.where(rot, h2_ip[loc], h_ip[loc]), asn_i=np.where(rot, h2_ai[loc], h_ai[loc]),
         ua=ua, tls=tls, key=np.array([f"key_{x:06x}d" for x in ea], object),
         turns=np.ones(ne), max_tokens=rng.choice([4096, 8192], ne), temperature=1.0,
         thinking=rng.random(ne) < 0.4, tools=np.zeros(ne), out_mu=6.9, out_sigma=0.4,
         refuse_p=0.003)


def camp_pivot(w: World, n: int):
    """C3: agentic-coding harvest on cloud VPSes; ~half the traffic moves to the new model
    within 24 h of its release."""
    rng = w.rng
    label = "C3-pivot"
    h = n // 2
    created = np.concatenate([burst(w, h, w.t0 - 20 * DAY, 240),
                              burst(w, n - h, w.t0 - 3 * DAY, 180)])
    acc = w.add_accounts(n, "release_pivot", label, b32id(rng, n, "org_"),
                         _shared_cards(w, n, 15, 35), created,
                         rng.choice(np.array(["web", "marketplace"], object), n, p=[.8, .2]))
    counts = lognormal_counts(rng, n, 5.0, 0.45, 30, 2000)
    ea, ts = sample_session_times(w, acc, counts, np.zeros(n), "flat", np.full(n, w.t0),
                                  np.full(n, w.t1), 20, 240)
    # post-release surge: extra traffic on the new model
    post = rng.random(len(ts)) < 0.25
    ts[post] = w.release + (rng.exponential(3 * DAY, post.sum())).astype(np.int64)
    ts[post] = w.release + np.mod(ts[post] - w.release, w.t1 - w.release)
    ne, loc = len(ts), ea - acc[0]
    vps = np.flatnonzero((ASN_TYP == "hosting") & np.isin(ASN_NUM, [14061, 24940, 20473, 16276,
                                                                     51167, 63949]))
    v_ai = vps[rng.integers(0, len(vps), 60)]
    v_ip = make_ips(rng, v_ai)
    home = rng.integers(0, 60, n)
    ip_i = np.where(rng.random(ne) < 0.7, home[loc], rng.integers(0, 60, ne))
    switch_at = w.release + (rng.uniform(2, 12, n) * HOUR).astype(np.int64)
    models = np.full(ne, M_MAIN, object)
    on_new = (ts >= switch_at[loc]) & (rng.random(ne) < 0.46)
    models[on_new] = M_NEW
    ua = np.where(rng.random(n) < 0.6, "python-httpx/0.27.2", "orion-python/1.12.3")[loc]
    prompts = gen_prompts(w, agent_prompt, ne)
    sysp = np.array(AGENT_SYS, object)[rng.integers(0, 3, ne)]
    emit(w, ea, ts, models, prompts, sysp, endpoint="/v1/messages", ip=v_ip[ip_i],
         asn_i=v_ai[ip_i], ua=ua, tls=tls_of(ua, rng, 0.0),
         key=np.array([f"key_{x:06x}p" for x in ea], object), turns=rng.integers(1, 4, ne),
         max_tokens=rng.choice([16000, 32000], ne), temperature=rng.choice([0.6, 1.0], ne),
         thinking=rng.random(ne) < 0.6, tools=rng.integers(5, 22, ne), out_mu=7.0,
         out_sigma=0.5, reason_mu=7.5, refuse_p=0.002, tool_stop_p=0.5)


def camp_reseller(w: World, n: int):
    """C4: a reseller front; censorship-safe rewrites and general expert answers, 24/7."""
    rng = w.rng
    label = "C4-reseller"
    orgs = b32id(rng, 2, "org_")
    pays = hexid(rng, 2, "pm_", 8)
    which = rng.integers(0, 2, n)
    created = np.sort(w.t0 - (rng.uniform(0, 30, 8)[rng.integers(0, 8, n)] * DAY
                              + rng.uniform(0, 60, n) * MIN).astype(np.int64))
    acc = w.add_accounts(n, "reseller_front", label, orgs[which], pays[which], created,
                         "reseller")
    counts = np.maximum(rng.poisson(140, n), 20)
    ea, ts = sample_session_times(w, acc, counts, np.zeros(n), "flat", np.full(n, w.t0),
                                  np.full(n, w.t1), 10, 120)
    ne, loc = len(ts), ea - acc[0]
    gw_ai = np.array([np.flatnonzero(ASN_NUM == 45102)[0]] * 2 +
                     [np.flatnonzero(ASN_NUM == 132203)[0]] * 2)
    gw_ip = make_ips(rng, gw_ai)
    gi = which[loc] * 2 + rng.integers(0, 2, ne)
    kind = rng.random(ne)
    prompts = [censor_prompt(w.r) if k < 0.6 else general_distill_prompt(w.r) if k < 0.85 else
               cot_prompt(w.r) for k in kind]
    ua = np.full(ne, "OpenAI/Python 1.61.0", object)
    emit(w, ea, ts, pick_models(w, ts, [M_MAIN], [1.0], 0.25, 48), prompts,
         np.where(rng.random(ne) < .5, "You are a helpful assistant.", None),
         endpoint="/v1/chat/completions", ip=gw_ip[gi], asn_i=gw_ai[gi], ua=ua,
         tls=tls_of(ua, rng, 0.0), key=np.array([f"key_{x:06x}f" for x in ea], object),
         turns=np.ones(ne), max_tokens=np.full(ne, 8192), temperature=0.8,
         thinking=rng.random(ne) < 0.1, tools=np.zeros(ne), out_mu=6.8, out_sigma=0.4,
         refuse_p=0.012)


def camp_burst(w: World, n: int):
    """C5: a farm created in one burst, hammering narrow CoT math/science for a week."""
    rng = w.rng
    label = "C5-burstfarm"
    t_create = w.t0 + 2 * DAY + int(rng.uniform(1, 6) * HOUR)
    created = burst(w, n, t_create, 180)
    acc = w.add_accounts(n, "burst_farm", label, b32id(rng, n, "org_"),
                         _shared_cards(w, n, 15, 25), created, "web")
    start = t_create + 4 * HOUR
    end = min(w.t1, start + int(6.5 * DAY))
    counts = lognormal_counts(rng, n, 6.0, 0.3, 100, 3000)
    ea, ts = sample_session_times(w, acc, counts, np.zeros(n), "flat", np.full(n, start),
                                  np.full(n, end), 60, 180)
    ne = len(ts)
    ai_h = np.flatnonzero(ASN_NUM == 24940)[0]
    f_ai = np.full(10, ai_h)
    f_ip = make_ips(rng, f_ai)
    ii = rng.integers(0, 10, ne)
    instr = COT_INSTR[:3]
    prompts = [cot_prompt(w.r, narrow=True, instr=instr) for _ in range(ne)]
    ua = np.full(ne, "python-requests/2.32.3", object)
    emit(w, ea, ts, pick_models(w, ts, [M_MAIN], [1.0], 0.3, 24), prompts,
         np.full(ne, "You are a meticulous mathematician. Always show your full reasoning.",
                 object), endpoint="/v1/messages", ip=f_ip[ii], asn_i=f_ai[ii], ua=ua,
         tls=np.full(ne, tls_fp("farm-requests"), object),
         key=np.array([f"key_{x:06x}b" for x in ea], object), turns=np.ones(ne),
         max_tokens=np.full(ne, 16000), temperature=1.0, thinking=rng.random(ne) < 0.85,
         tools=np.zeros(ne), out_mu=7.3, out_sigma=0.35, reason_mu=8.0, refuse_p=0.01)


# --------------------------------------------------------------------------------------------
BENIGN = [("casual", 2600, pop_casual), ("developer", 800, pop_developer),
          ("enterprise_batch", 200, pop_enterprise), ("eval_runner", 70, pop_eval),
          ("university_nat", 450, pop_university), ("reseller_legit", 260, pop_reseller),
          ("researcher", 180, pop_researcher), ("app_backend", 240, pop_app)]
CAMPAIGNS = [("C1-hydra", 500, camp_hydra), ("C2-slowdrip", 120, camp_slow),
             ("C3-pivot", 300, camp_pivot), ("C4-reseller", 200, camp_reseller),
             ("C5-burstfarm", 80, camp_burst)]


def build(seed: int, accounts: int, days: int, start: str):
    t0 = int(np.datetime64(start, "ms").astype(np.int64))
    release = t0 + (days // 2) * DAY + 17 * HOUR
    w = World(seed, t0, days, release, np.random.default_rng(seed), random.Random(seed))
    sizes = _split(accounts, [c for _, c, _ in BENIGN + CAMPAIGNS])
    for (name, _, fn), k in zip(BENIGN + CAMPAIGNS, sizes, strict=False):
        k = max(k, 10 if name.startswith("C") else 1)
        fn(w, int(k))
    return w


def assemble(w: World) -> pa.Table:
    B = w.blocks
    cat = {k: np.concatenate([b[k] for b in B]) for k in B[0]}
    n = len(cat["ts"])
    ac = w.acct
    acc_id = np.array(ac["account_id"], object)
    org = np.array(ac["org_id"], object)
    pay = np.array(ac["payment"], object)
    created = np.array(ac["created"], np.int64)
    signup = np.array(ac["signup"], object)
    a = cat["acc"]
    ts = cat["ts"]
    early = ts < created[a] + MIN  # never before signup (safety net; rare)
    ts[early] = created[a][early] + MIN + w.rng.integers(0, 30 * MIN, early.sum())
    ts = np.clip(ts, w.t0, w.t1 - 1)
    # new model only after release
    model = cat["model"].copy()
    model[(ts < w.release) & (model == M_NEW)] = M_MAIN
    order = np.argsort(ts, kind="stable")
    rid = hexid(w.rng, n, "req_", 12)

    def s(x):
        return pa.array(x[order].tolist(), pa.string())

    def i32(x):
        return pa.array(np.asarray(x)[order].astype(np.int32), pa.int32())

    cols = {
        "ts": pa.array(ts[order], TS), "account_id": s(acc_id[a]), "model": s(model),
        "request_id": pa.array(rid.tolist(), pa.string()), "org_id": s(org[a]),
        "api_key_id": s(cat["key"]), "ip": s(cat["ip"]),
        "asn": pa.array(cat["asn"][order], pa.int64()), "asn_type": s(cat["asn_type"]),
        "country": s(cat["country"]), "user_agent": s(cat["ua"]),
        "tls_fingerprint": s(cat["tls"]), "payment_fingerprint": s(pay[a]),
        "account_created": pa.array(created[a][order], TS), "signup_channel": s(signup[a]),
        "endpoint": s(cat["endpoint"]), "prompt": s(cat["prompt"]),
        "system_prompt": s(cat["system"]), "turns": i32(np.maximum(cat["turns"], 1)),
        "max_tokens": i32(cat["max_tokens"]),
        "temperature": pa.array(cat["temperature"][order], pa.float32()),
        "thinking": pa.array(cat["thinking"][order], pa.bool_()), "tools": i32(cat["tools"]),
        "input_tokens": i32(cat["input_tokens"]), "output_tokens": i32(cat["output_tokens"]),
        "reasoning_tokens": i32(cat["reasoning_tokens"]), "stop_reason": s(cat["stop"]),
        "refused": pa.array(cat["refused"][order], pa.bool_()),
    }
    return pa.table([cols[f.name] for f in EVENT_SCHEMA], schema=EVENT_SCHEMA)


def iso(ms: int) -> str:
    return str(np.datetime64(int(ms), "ms")).split(".")[0] + "Z"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--accounts", type=int, default=6000, help="active accounts (all send)")
    ap.add_argument("--days", type=int, default=14)
    ap.add_argument("--start", default="2026-02-02T00:00:00", help="window start (UTC)")
    ap.add_argument("--out", required=True)
    a = ap.parse_args(argv)
    if a.days < 4:
        ap.error("--days must be at least 4")
    if a.accounts < 100:
        ap.error("--accounts must be at least 100")
    t = time.time()
    w = build(a.seed, a.accounts, a.days, a.start)
    table = assemble(w)
    os.makedirs(a.out, exist_ok=True)
    pq.write_table(table, os.path.join(a.out, "events.parquet"), compression="zstd")
    with open(os.path.join(a.out, "releases.csv"), "w", newline="") as f:
        wr = csv.writer(f)
        wr.writerow(["model", "released_at"])
        for m, ms in ((M_OLD, np.datetime64("2025-02-18T16:00:00", "ms")),
                      (M_MINI, np.datetime64("2025-06-10T16:00:00", "ms")),
                      (M_MAIN, np.datetime64("2025-09-30T16:00:00", "ms"))):
            wr.writerow([m, iso(ms.astype(np.int64))])
        wr.writerow([M_NEW, iso(w.release)])
    with open(os.path.join(a.out, "labels.csv"), "w", newline="") as f:
        wr = csv.writer(f)
        wr.writerow(["account_id", "campaign", "population"])
        for acc, camp, pop in zip(w.acct["account_id"], w.acct["campaign"],
                                  w.acct["population"], strict=False):
            wr.writerow([acc, camp, pop])
    n_acc = len(w.acct["account_id"])
    n_bad = sum(1 for c in w.acct["campaign"] if c)
    print(f"wrote {table.num_rows} events, {n_acc} accounts ({n_bad} in campaigns) to {a.out} "
          f"in {time.time() - t:.1f}s; {M_NEW} released {iso(w.release)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
