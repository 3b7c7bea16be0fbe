"""The E-Manual QA set (EMNLP 2021 Findings, "Question Answering over Electronic Devices") as a
second golden set, with its Samsung Smart TV manual as a second corpus.

- The manual's 261 sections are written as one Markdown file each (`# <title>` + text) into a
  cache folder under the data dir, deterministically, and indexed with the project's own pipeline
  into a separate collection with its own document store.
- The 8 QA files are not valid JSON; they are parsed line by line as the data's LOADER.md says.
- Gold: a question's leaf section title (the last part of its "Section Hierarchy"), matched
  exactly against the manual's section titles; every section with that title is an acceptable
  answer (24 titles occur more than once). Questions whose leaf title names no section are left
  out. Duplicates are removed per question kind (normal, paraphrased, compound, yes/no): 415
  questions.
"""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from core.settings import Settings
from evaluation.golden import GoldenQuestion, GoldRef

if TYPE_CHECKING:
    from pymilvus import MilvusClient

    from core.embedder import Embedder
    from core.indexing import IndexReport

MANUAL_FILE = "smart_tv_remote_manual_corpus.json"
QA_ZIP = "smart_remote_QA.zip"
_FIELD = re.compile(r'^\s*"(Section Hierarchy|Link|Question|Answer)"\s*:\s*"(.*)"\s*,?\s*$')
_KINDS = {"Normal Q&A": "normal", "Paraphrased Q&A": "paraphrased", "Compound Q&A": "compound", "Yes_No Q&A": "yes_no"}


class EManualUnavailable(FileNotFoundError):
    """The shared E-Manual data is not on this machine."""


@dataclass(frozen=True)
class ManualSection:
    section_id: str
    number: int
    title: str
    lines: tuple[str, ...]

    @property
    def file_name(self) -> str:
        slug = re.sub(r"[^a-z0-9]+", "-", self.title.lower()).strip("-")[:60] or "section"
        return f"{self.number:03d}-{slug}.md"

    def markdown(self) -> str:
        # A line that Markdown would read as a heading or a code fence is kept as text.
        body = "\n".join("\\" + ln if ln.lstrip().startswith(("#", "```")) else ln for ln in self.lines)
        return f"# {self.title}\n\n{body.strip()}\n"


@dataclass(frozen=True)
class QARecord:
    kind: str
    file: str
    hierarchy: str
    link: str
    question: str
    answer: str

    @property
    def leaf_title(self) -> str:
        return self.hierarchy.split(">")[-1].strip()


def emanual_dir(settings: Settings) -> Path:
    return settings.shared_data_dir / "emanual_qa"


def is_available(settings: Settings) -> bool:
    folder = emanual_dir(settings)
    return (folder / MANUAL_FILE).is_file() and (folder / QA_ZIP).is_file()


def require(settings: Settings) -> Path:
    folder = emanual_dir(settings)
    if not is_available(settings):
        raise EManualUnavailable(
            f"E-Manual data not found in {folder} (needs {MANUAL_FILE} and {QA_ZIP}); set SHARED_DATA_DIR"
        )
    return folder


def load_manual(path: Path) -> list[ManualSection]:
    raw = json.loads(path.read_text(encoding="utf-8"))
    sections = []
    for key, value in raw.items():
        number = int(key.rsplit("_", 1)[-1])
        lines = tuple(str(t).rstrip() for t in value.get("text") or [])
        sections.append(ManualSection(key, number, str(value["title"]).strip(), lines))
    return sorted(sections, key=lambda s: s.number)


def parse_qa_zip(path: Path) -> list[QARecord]:
    """All QA records of the 8 files, parsed line by line (the files are not valid JSON)."""
    records: list[QARecord] = []
    with zipfile.ZipFile(path) as archive:
        for name in sorted(archive.namelist()):
            if not name.endswith(".json"):
                continue
            kind = _KINDS.get(name.split("/")[0], name.split("/")[0].lower())
            current: dict[str, str] = {}
            for line in archive.read(name).decode("utf-8").splitlines():
                match = _FIELD.match(line)
                if not match:
                    continue
                current[match.group(1)] = match.group(2)
                if match.group(1) == "Answer":
                    records.append(
                        QARecord(
                            kind=kind,
                            file=name,
                            hierarchy=current.get("Section Hierarchy", ""),
                            link=current.get("Link", ""),
                            question=current.get("Question", "").strip(),
                            answer=current.get("Answer", "").strip(),
                        )
                    )
                    current = {}
    return records


def build_questions(records: list[QARecord], sections: list[ManualSection]) -> list[GoldenQuestion]:
    """The title-matched questions, one per (kind, question), with every same-titled section as gold."""
    by_title: dict[str, list[ManualSection]] = defaultdict(list)
    for section in sections:
        if section.lines:  # an empty section is not written to the corpus
            by_title[section.title].append(section)
    questions: list[GoldenQuestion] = []
    seen: set[tuple[str, str]] = set()
    for record in records:
        matches = by_title.get(record.leaf_title)
        if not matches or not record.question or (record.kind, record.question) in seen:
            continue
        seen.add((record.kind, record.question))
        digest = hashlib.sha1(f"{record.kind}\x00{record.question}".encode()).hexdigest()[:10]
        questions.append(
            GoldenQuestion(
                id=f"emanual-{record.kind}-{digest}",
                question=record.question,
                expected_answer=record.answer,
                gold_groups=[[GoldRef(s.file_name, "") for s in matches]],
                answerable=True,
                category=record.hierarchy.split(">")[0].strip(),
                kind=record.kind,
            )
        )
    return questions


def corpus_dir(settings: Settings) -> Path:
    return settings.data_dir / "emanual" / "corpus"


def write_corpus(sections: list[ManualSection], target: Path) -> int:
    """One Markdown file per section; unchanged files are left alone and stray ones removed.
    Returns the number of files written."""
    target.mkdir(parents=True, exist_ok=True)
    wanted = {s.file_name: s.markdown() for s in sections if s.lines}
    written = 0
    for name, text in wanted.items():
        path = target / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            written += 1
    for path in target.glob("*.md"):
        if path.name not in wanted:
            path.unlink()
    return written


def emanual_settings(settings: Settings) -> Settings:
    """The project settings pointed at the E-Manual corpus, collection and document store."""
    return settings.model_copy(
        update={
            "milvus_collection": settings.eval_emanual_collection,
            "milvus_uri": settings.eval_emanual_milvus_uri or settings.milvus_uri,
            "docstore_url": settings.eval_emanual_docstore_url
            or f"sqlite:///{settings.data_dir / 'emanual' / 'docstore.db'}",
            "docs_source_dir": corpus_dir(settings),
        }
    )


def corpus_version(settings: Settings) -> str:
    return hashlib.sha256((require(settings) / MANUAL_FILE).read_bytes()).hexdigest()[:12]


def load_questions(settings: Settings) -> list[GoldenQuestion]:
    folder = require(settings)
    return build_questions(parse_qa_zip(folder / QA_ZIP), load_manual(folder / MANUAL_FILE))


def prepare_corpus(settings: Settings) -> Path:
    folder = require(settings)
    target = corpus_dir(settings)
    write_corpus(load_manual(folder / MANUAL_FILE), target)
    return target


def index_emanual(settings: Settings, client: MilvusClient, embedder: Embedder) -> IndexReport:
    """Write the corpus files and index them incrementally (a no-op when nothing changed)."""
    from core.clients import make_engine
    from core.docstore import DocStore
    from core.indexing import run_index

    prepare_corpus(settings)
    derived = emanual_settings(settings)
    return run_index(derived, client, DocStore(make_engine(derived)), embedder)
