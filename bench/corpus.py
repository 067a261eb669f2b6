"""Deterministic synthetic corpora for the build benchmark.

Two kinds of article, both written from the word lists and templates in `data/vocabulary.yml`
with a seeded random generator, so the same seed and size always give byte-identical files:

- hand-written explainers: `.md` files with YAML front matter (title, date, tags, summary) and a
  body made only of `## Question?` sections, about 500 words, 6 to 12 questions, with some lists,
  emphasis, links and the odd table so the GFM extensions have work to do;
- raw news articles: `.txt` files of about 600 words, the headline on line 1, paragraphs separated
  by blank lines, subheads, quotes with named speakers, numbers, dates and the odd question the
  article answers itself.
"""

from __future__ import annotations

import datetime
import os
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

VOCABULARY_PATH = Path(__file__).resolve().parent / "data" / "vocabulary.yml"
SLOT = re.compile(r"\{(\w+)\}")
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
SMALL_WORDS = {"a", "an", "the", "and", "or", "of", "to", "in", "on", "at", "for", "by", "as"}


def load_vocabulary(path: Path = VOCABULARY_PATH) -> dict:
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def title_case(text: str) -> str:
    """Headline capitalisation: every word capitalised, news style (including short words)."""
    return " ".join(word[:1].upper() + word[1:] for word in text.split(" "))


def sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]


def word_count(text: str) -> int:
    return len(text.split())


@dataclass
class Cast:
    """The people, place and topic one article is about, kept consistent across its sentences."""

    rng: random.Random
    vocabulary: dict
    topic: dict
    place: str
    org: str
    agency: str
    people: list[tuple[str, str]] = field(default_factory=list)

    @classmethod
    def draw(cls, rng: random.Random, vocabulary: dict) -> "Cast":
        cast = cls(rng=rng, vocabulary=vocabulary, topic=rng.choice(vocabulary["topics"]),
                   place=rng.choice(vocabulary["places"]), org=rng.choice(vocabulary["orgs"]),
                   agency=rng.choice(vocabulary["agencies"]))
        names = set()
        while len(cast.people) < 4:
            name = f"{rng.choice(vocabulary['first_names'])} {rng.choice(vocabulary['last_names'])}"
            if name in names:
                continue
            names.add(name)
            cast.people.append((name, cast.fill(rng.choice(vocabulary["role_templates"]))))
        return cast

    def value(self, slot: str) -> str:
        rng = self.rng
        key = slot.lower()
        if key in ("place", "org", "agency"):
            return getattr(self, key)
        if key in self.topic:
            return self.topic[key]
        if re.fullmatch(r"p[1-4](_last|_role)?", key):
            name, role = self.people[int(key[1]) - 1]
            if key.endswith("_last"):
                return name.split(" ")[-1]
            return role if key.endswith("_role") else name
        if key == "money":
            return f"${rng.randint(2, 95)}.{rng.randint(1, 9)} million"
        if key == "small_money":
            return f"${rng.randint(12, 480)}"
        if key == "percent":
            return f"{rng.randint(8, 74)} percent"
        if key == "count":
            return f"{rng.randint(1200, 98000):,}"
        if key == "small_count":
            return str(rng.randint(2, 12))
        if key == "year":
            return str(rng.randint(2009, 2024))
        if key == "month":
            return rng.choice(MONTHS)
        if key == "month_day":
            return f"{rng.choice(MONTHS)} {rng.randint(1, 28)}"
        if key == "weekday":
            return rng.choice(WEEKDAYS)
        if key == "duration":
            return rng.choice([f"{rng.randint(3, 26)} months", f"{rng.randint(2, 9)} weeks",
                               f"{rng.randint(2, 5)} years"])
        raise KeyError(f"vocabulary.yml: unknown slot {{{slot}}}")

    def fill(self, template: str) -> str:
        def substitute(match: re.Match) -> str:
            slot = match.group(1)
            text = self.value(slot)
            return sentence_case(text) if slot[0].isupper() else text
        return SLOT.sub(substitute, template)

    def sentence(self) -> str:
        return sentence_case(self.fill(self.rng.choice(self.vocabulary["sentences"])))

    def quote(self) -> str:
        name, role = self.rng.choice(self.people)
        words = self.fill(self.rng.choice(self.vocabulary["quotes"]))
        if self.rng.random() < 0.5:
            return f"\"{sentence_case(words)},\" said {name}, {role}."
        return f"{name}, {role}, said: \"{sentence_case(words)}.\""


def _date(rng: random.Random) -> datetime.date:
    start = datetime.date(2015, 1, 1).toordinal()
    end = datetime.date(2024, 12, 31).toordinal()
    return datetime.date.fromordinal(rng.randint(start, end))


def _slug(text: str) -> str:
    return re.sub(r"-+", "-", re.sub(r"[^a-z0-9]+", "-", text.lower())).strip("-")


def _answer(cast: Cast, target_words: int) -> str:
    """One answer: sentences in one or two paragraphs, with occasional Markdown extras."""
    rng = cast.rng
    paragraphs: list[str] = []
    sentences: list[str] = []
    words = 0
    while words < target_words:
        sentence = cast.quote() if rng.random() < 0.12 else cast.sentence()
        if rng.random() < 0.08:
            sentence = sentence.replace(cast.place, f"[{cast.place}](https://example.org/places/{_slug(cast.place)}/)", 1)
        if rng.random() < 0.08:
            sentence = sentence.replace(cast.topic["thing"], f"**{cast.topic['thing']}**", 1)
        sentences.append(sentence)
        words += word_count(sentence)
        if len(sentences) >= 3 and rng.random() < 0.4:
            paragraphs.append(" ".join(sentences))
            sentences = []
    if sentences:
        paragraphs.append(" ".join(sentences))
    extra = rng.random()
    if extra < 0.15:
        items = rng.sample(cast.vocabulary["list_items"], 3)
        paragraphs.append("\n".join(f"- {sentence_case(cast.fill(item))}" for item in items))
    elif extra < 0.22:
        rows = "\n".join(f"| {year} | {cast.value('money')} | {cast.value('percent')} |"
                         for year in sorted(rng.sample(range(2016, 2025), 3)))
        paragraphs.append(f"| Year | Budget | Change |\n|------|-------:|-------:|\n{rows}")
    elif extra < 0.26:
        paragraphs.append(f"~~The original deadline was {cast.value('month')} {cast.value('year')}.~~ "
                          f"The deadline has moved.")
    return "\n\n".join(paragraphs)


def explainer(rng: random.Random, vocabulary: dict, index: int) -> tuple[str, str]:
    """One hand-written explainer: (file name, file text)."""
    cast = Cast.draw(rng, vocabulary)
    title = sentence_case(cast.fill(rng.choice(vocabulary["explainer_titles"])))
    summary = cast.fill(rng.choice(vocabulary["summaries"]))
    tags = [cast.topic["tag"], _slug(cast.place)] + rng.sample(vocabulary["generic_tags"], rng.randint(1, 3))
    count = rng.randint(6, 12)
    questions = rng.sample(vocabulary["questions"], count)
    per_answer = max(25, 330 // count)
    sections = [f"## {sentence_case(cast.fill(question))}\n\n{_answer(cast, per_answer)}" for question in questions]
    front_matter = yaml.safe_dump({"title": title, "date": _date(rng), "tags": tags, "summary": summary},
                                  sort_keys=False, allow_unicode=True, width=1000)
    name = f"{_slug(cast.topic['thing'])}-{_slug(cast.place)}-{index:05d}.md"
    return name, f"---\n{front_matter}---\n\n" + "\n\n".join(sections) + "\n"


def raw_article(rng: random.Random, vocabulary: dict, index: int) -> tuple[str, str]:
    """One raw news article as plain text: (file name, file text)."""
    cast = Cast.draw(rng, vocabulary)
    headline = title_case(cast.fill(rng.choice(vocabulary["headlines"])))
    blocks = [headline, f"{sentence_case(cast.fill('{org} wants to {plan}, and {affected} say they have questions.'))}"]
    words = sum(word_count(block) for block in blocks)
    subheads = rng.sample(vocabulary["subheads"], rng.randint(2, 3))
    inline_questions = rng.sample(vocabulary["inline_questions"], rng.randint(0, 2))
    paragraphs_since_subhead = 0
    while words < 600:
        if subheads and paragraphs_since_subhead >= 3 and rng.random() < 0.35:
            blocks.append(title_case(cast.fill(subheads.pop())))
            paragraphs_since_subhead = 0
            continue
        roll = rng.random()
        if roll < 0.2:
            paragraph = cast.quote()
        elif roll < 0.27 and inline_questions:
            paragraph = sentence_case(cast.fill(inline_questions.pop())) + " " + cast.sentence()
        else:
            paragraph = " ".join(cast.sentence() for _ in range(rng.randint(2, 4)))
        blocks.append(paragraph)
        words += word_count(paragraph)
        paragraphs_since_subhead += 1
    name = f"{_slug(cast.topic['thing'])}-{_slug(cast.place)}-{index:05d}.txt"
    return name, "\n\n".join(blocks) + "\n"


@dataclass
class CorpusStats:
    files: int = 0
    bytes: int = 0
    words: int = 0

    def as_dict(self) -> dict:
        return {"files": self.files, "bytes": self.bytes, "words": self.words}


def write_corpus(kind: str, size: int, folder: Path, seed: int) -> CorpusStats:
    """Writes `size` articles of `kind` ("explainers" or "raw") into `folder`, replacing its contents."""
    maker = explainer if kind == "explainers" else raw_article
    rng = random.Random(f"{seed}:{kind}")
    vocabulary = load_vocabulary()
    if folder.exists():
        for entry in os.scandir(folder):
            os.unlink(entry.path)
    folder.mkdir(parents=True, exist_ok=True)
    stats = CorpusStats()
    for index in range(size):
        name, text = maker(rng, vocabulary, index)
        data = text.encode("utf-8")
        (folder / name).write_bytes(data)
        stats.files += 1
        stats.bytes += len(data)
        stats.words += word_count(text)
    return stats


def markdown_body(text: str) -> str:
    """The Markdown after the front matter of a hand-written explainer."""
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end >= 0:
            return text[end + 5:]
    return text
