# SPDX-License-Identifier: Apache-2.0
"""vigie: finds personal and health data in text, French first.

    >>> import vigie
    >>> scanner = vigie.Scanner()
    >>> text = "Mme Hélène Garnier, NIR 2 87 03 56 260 117 30"
    >>> [(f.kind, text[f.start:f.end]) for f in scanner.scan(text)]
    [('PERSON', 'Hélène Garnier'), ('FR_NIR', '2 87 03 56 260 117 30')]

A :class:`Scanner` is compiled once and shared (threads, pickling). It reads
``str``, ``bytes`` and ``memoryview`` objects in place and releases the GIL
for the whole scan, and for a whole :meth:`Scanner.scan_batch`. Offsets are
indices into what was passed: code points for ``str`` (``text[f.start:f.end]``
is the match), bytes for ``bytes``; ``byte_start``/``byte_end`` are always
UTF-8 byte offsets. Values (the personal data itself) are returned only with
``values=True``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
import gc
import os
from typing import (Any, Callable, Dict, Iterable, List, Mapping, NamedTuple, Optional, Sequence,
                    Tuple, Union)

from . import _vigie
from . import validate

__all__ = [
    "HEALTH_EVIDENCE_FLOOR",
    "ConfirmFn",
    "Detector",
    "Finding",
    "HealthEvidence",
    "HealthVerdict",
    "Scanner",
    "Stream",
    "Text",
    "validate",
    "__version__",
]

__version__: str = _vigie.VERSION

#: What a scanner reads: text, or UTF-8 bytes in any buffer.
Text = Union[str, bytes, bytearray, memoryview]

#: A custom detector's confirm step: the matched text in, then ``False`` or
#: ``None`` (reject), ``True`` (confirmed at the detector's score), a score,
#: or ``(score, normalized_value)``.
ConfirmFn = Callable[[str], Union[None, bool, float, Tuple[float, str]]]


class Finding(NamedTuple):
    """One piece of personal or health data found in a text (an immutable
    named tuple: cheap to build by the million, compared field by field)."""

    kind: str  #: "FR_NIR", "PHONE_NUMBER", "PERSON", "HEALTH_SEXUAL"...
    category: str  #: "identity", "contact", "financial" or "health"
    start: int  #: index into what was scanned (code points for str)
    end: int
    byte_start: int  #: UTF-8 byte offsets, whatever was scanned
    byte_end: int
    line: int  #: 1-based
    column: int  #: 1-based, in code points from the line start
    score: float  #: in [0, 1]; above 0.85 a reviewer would almost always agree
    confirmed: bool  #: the detector's checks (checksum, tables) hold
    value: Optional[str] = None  #: the personal data itself, only with values=True
    qualifiers: Tuple[str, ...] = ()  #: health findings: "negated", "hypothetical"...
    context: Optional[str] = None  #: a kind it is tied to: "HEALTH_PROVIDER"
    components: Optional[Dict[str, str]] = None  #: address or name parts (values=True)

    def __repr__(self) -> str:
        # Never the value or its parts: a repr ends up in logs.
        shown = ", ".join(f"{k}={getattr(self, k)!r}" for k in self._fields
                          if k not in ("value", "components"))
        return f"Finding({shown})"


@dataclass(frozen=True)
class Detector:
    """A custom detector: patterns (Hyperscan syntax) or literals, context
    keywords, a score, and optionally a Python confirm callback."""

    kind: str
    category: str = "identity"
    patterns: Sequence[str] = ()
    literals: Sequence[str] = ()
    keywords: Sequence[str] = ()
    negative_keywords: Sequence[str] = ()
    window_before: int = 64
    window_after: int = 24
    score: float = 0.6
    confirm: Optional[ConfirmFn] = None

    def _as_dict(self) -> Dict[str, Any]:
        return {
            "kind": self.kind,
            "category": self.category,
            "patterns": list(self.patterns),
            "literals": list(self.literals),
            "keywords": list(self.keywords),
            "negative_keywords": list(self.negative_keywords),
            "window_before": self.window_before,
            "window_after": self.window_after,
            "score": self.score,
            "confirm": self.confirm,
        }


@dataclass(frozen=True)
class HealthEvidence:
    kind: str
    score: float
    findings: int


@dataclass(frozen=True)
class HealthVerdict:
    """Does a text reveal a person's health (GDPR Article 9)?"""

    reveals_health: bool
    score: float
    kinds: Tuple[HealthEvidence, ...]


# The native module builds findings as instances of Finding directly.
_vigie._set_finding_type(Finding)


class Stream:
    """A text that arrives in chunks; yields exactly the findings of one scan
    of the whole text. Offsets are UTF-8 bytes since the stream's first byte."""

    def __init__(self, native: _vigie.Stream) -> None:
        self._native = native

    def write(self, chunk: Text) -> List[Finding]:
        """Feeds the next chunk; returns the findings that are final so far."""
        return self._native.write(chunk)

    def finish(self) -> List[Finding]:
        """Ends the text; returns the remaining findings."""
        return self._native.finish()

    @property
    def bytes_written(self) -> int:
        return int(self._native.bytes_written)


class Scanner:
    """Compiled detectors, immutable and thread-safe.

    Args:
        kinds: report only these kinds (None: every kind).
        min_score: drop findings below this score (default 0.5).
        layout: "auto" (CSV/TSV when the first lines look like one), "text"
            or "delimited".
        delimiter: ";", "," or "\\t" for a delimited layout ("" guesses).
        builtin_detectors: include vigie's own detectors.
        detectors: custom :class:`Detector` objects.
        values: return each finding's value and components (personal data).
        database: bytes from :meth:`serialize`, loaded instead of compiling
            (about 16 ms instead of 1 s); refused, with a reason, when built
            by another version, for other options or another CPU.
        cache: where compiled detectors are kept between processes, as for
            the ``vigie`` program: True for the default directory
            ($VIGIE_CACHE_DIR, $XDG_CACHE_HOME/vigie or ~/.cache/vigie), a
            path for another, False to compile every time. Only the first
            Scanner with given options on a machine compiles (seconds).
    """

    def __init__(
        self,
        *,
        kinds: Optional[Sequence[str]] = None,
        min_score: float = 0.5,
        layout: str = "auto",
        delimiter: str = "",
        builtin_detectors: bool = True,
        detectors: Sequence[Detector] = (),
        values: bool = False,
        database: Optional[bytes] = None,
        cache: Union[bool, str, "os.PathLike[str]"] = True,
    ) -> None:
        self._config: Dict[str, Any] = {
            "kinds": list(kinds) if kinds is not None else None,
            "min_score": float(min_score),
            "layout": layout,
            "delimiter": delimiter,
            "builtin_detectors": builtin_detectors,
            "detectors": tuple(detectors),
            "values": values,
            "cache": cache if isinstance(cache, bool) else os.fspath(cache),
        }
        self._database = database
        self._native = _vigie.Scanner(
            self._config["kinds"],
            self._config["min_score"],
            layout,
            delimiter,
            builtin_detectors,
            [d._as_dict() for d in detectors] or None,
            database,
            values,
            None if cache is False else "" if cache is True else os.fspath(cache),
        )

    def scan(self, text: Text) -> List[Finding]:
        """The findings in `text`, sorted by start."""
        return self._native.scan(text)

    def scan_batch(self, texts: Iterable[Text]) -> List[List[Finding]]:
        """The findings of each text; the batch is scanned without the GIL,
        in one call."""
        texts = list(texts)
        # Millions of small tuples in a row would make the cyclic collector
        # run over and over on the growing result: it waits until the
        # result is built (none of these objects can form a cycle).
        enabled = gc.isenabled()
        gc.disable()
        try:
            return self._native.scan_batch(texts)
        finally:
            if enabled:
                gc.enable()

    def open_stream(self) -> Stream:
        return Stream(self._native.open_stream())

    def health(self, text: Text) -> HealthVerdict:
        """The health verdict of `text` (a record, a document). Weak
        findings down to ``vigie.HEALTH_EVIDENCE_FLOOR`` count as evidence,
        whatever this scanner's ``min_score``."""
        reveals, score, kinds = self._native.health(text)
        return HealthVerdict(reveals, score, tuple(HealthEvidence(*k) for k in kinds))

    def serialize(self) -> bytes:
        """The compiled databases, for ``Scanner(database=...)``."""
        return self._native.serialize()

    @property
    def kinds(self) -> List[str]:
        return self._native.kinds()

    def with_database(self) -> "Scanner":
        """This scanner, pickled with its compiled databases (workers load
        them instead of compiling; they need the same CPU features)."""
        return Scanner(**self._init_args(), database=self.serialize())

    def _init_args(self) -> Dict[str, Any]:
        return dict(self._config)

    # Pickled by configuration, never by native pointer.
    def __reduce__(self) -> Tuple[Any, ...]:
        return (_restore, (self._init_args(), self._database))

    def __repr__(self) -> str:
        shown = {k: v for k, v in self._config.items() if v not in (None, (), "")}
        return f"vigie.Scanner({', '.join(f'{k}={v!r}' for k, v in shown.items())})"


def _restore(config: Mapping[str, Any], database: Optional[bytes]) -> Scanner:
    return Scanner(**config, database=database)


#: Findings down to this score count as health evidence.
HEALTH_EVIDENCE_FLOOR: float = _vigie.HEALTH_EVIDENCE_FLOOR
