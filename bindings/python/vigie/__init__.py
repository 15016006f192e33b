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
    "Action",
    "ConfirmFn",
    "Detector",
    "Finding",
    "HealthEvidence",
    "HealthVerdict",
    "RedactionPolicy",
    "RedactionStream",
    "Redactor",
    "Scanner",
    "Stream",
    "Text",
    "reveal",
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


# --- redaction ----------------------------------------------------------------

#: The actions of a redaction policy.
ACTIONS = ("keep", "mask", "tag", "token", "surrogate", "encrypt", "generalize")


@dataclass(frozen=True)
class Action:
    """What to do with a kind: one of ``ACTIONS`` and its options.

    mask: letters and digits become ``mask_char`` but the last ``keep_last``.
    tag: ``tag`` with ``{kind}`` and ``{category}`` replaced.
    token: ``KIND_`` and ``token_length`` base32 characters of HMAC-SHA256.
    surrogate: a fake, valid value of the kind chosen by the key (dates move
    by up to ``shift_days``, the same days for every date of a record).
    encrypt: AES-SIV, undone by :func:`reveal` with the key.
    generalize: ``level`` "year" or "age_band" (dates), "commune" or
    "department" (addresses), "sex_year" (NIR); "" for the kind's first.
    """

    action: str = "mask"
    mask_char: str = "*"
    keep_last: int = 0
    tag: str = "<{kind}>"
    token_length: int = 16
    level: str = ""
    shift_days: int = 180

    def __post_init__(self) -> None:
        if self.action not in ACTIONS:
            raise ValueError(f"unknown action {self.action!r}: one of {', '.join(ACTIONS)}")

    def _as_dict(self) -> Dict[str, Any]:
        return {"action": self.action, "mask_char": self.mask_char, "keep_last": self.keep_last,
                "tag": self.tag, "token_length": self.token_length, "level": self.level,
                "shift_days": self.shift_days}


ActionLike = Union[str, Action]


def _action(a: ActionLike) -> Action:
    return a if isinstance(a, Action) else Action(a)


def _key(key: Union[None, str, bytes]) -> bytes:
    if key is None:
        key = os.environ.get("VIGIE_KEY", "")
    return key.encode() if isinstance(key, str) else bytes(key)


@dataclass(frozen=True)
class RedactionPolicy:
    """The action per kind, else per category, as for ``vigie redact``.

    ``key`` (str or bytes, 16 bytes or more) is the secret of token,
    surrogate and encrypt; None reads ``$VIGIE_KEY``. There is no default
    key: a keyed action without one is refused.
    """

    kinds: Mapping[str, ActionLike] = field(default_factory=dict)
    identity: ActionLike = "mask"
    contact: ActionLike = "mask"
    financial: ActionLike = "mask"
    health: ActionLike = "tag"
    min_score: float = 0.5
    key: Union[None, str, bytes] = field(default=None, repr=False)
    reference_year: int = 0

    @classmethod
    def from_toml(cls, path: Union[str, "os.PathLike[str]"], **overrides: Any) -> "RedactionPolicy":
        """The policy of a TOML file in ``vigie redact --policy``'s format."""
        import tomllib

        with open(path, "rb") as f:
            doc = tomllib.load(f)
        unknown = set(doc) - {"min_score", "categories", "kinds"}
        if unknown:
            raise ValueError(f"{path}: unknown keys {sorted(unknown)}")

        def spec(value: Any) -> Action:
            return Action(value) if isinstance(value, str) else Action(**value)

        args: Dict[str, Any] = {"kinds": {k: spec(v) for k, v in doc.get("kinds", {}).items()}}
        for name, value in doc.get("categories", {}).items():
            if name not in ("identity", "contact", "financial", "health"):
                raise ValueError(f"{path}: categories are identity, contact, financial, health")
            args[name] = spec(value)
        if "min_score" in doc:
            args["min_score"] = float(doc["min_score"])
        args.update(overrides)
        return cls(**args)

    def _as_dict(self) -> Dict[str, Any]:
        return {
            "kinds": {k: _action(v)._as_dict() for k, v in self.kinds.items()},
            "identity": _action(self.identity)._as_dict(),
            "contact": _action(self.contact)._as_dict(),
            "financial": _action(self.financial)._as_dict(),
            "health": _action(self.health)._as_dict(),
            "min_score": float(self.min_score),
            "key": _key(self.key),
            "reference_year": int(self.reference_year),
        }


class RedactionStream:
    """A text redacted as it arrives: each write returns the redacted text
    settled so far (str for str chunks, bytes otherwise); together the
    pieces are exactly :meth:`Redactor.redact` of the whole text."""

    def __init__(self, native: _vigie.RedactionStream) -> None:
        self._native = native

    def write(self, chunk: Text) -> Union[str, bytes]:
        return self._native.write(chunk)

    def finish(self) -> Union[str, bytes]:
        return self._native.finish()

    @property
    def report(self) -> Dict[str, Dict[str, int]]:
        """Findings so far by kind and action: {"FR_NIR": {"surrogate": 3}}."""
        return self._native.report()[0]


class Redactor:
    """A scanner and a policy, checked once (a keyed action without a key,
    a generalization a kind has not... raise ValueError). Thread-safe."""

    def __init__(self, scanner: Scanner, policy: RedactionPolicy) -> None:
        self.policy = policy
        self._native = _vigie.Redactor(scanner._native, policy._as_dict())

    def redact(self, text: Text) -> Union[str, bytes]:
        """`text` redacted: str for str, bytes otherwise."""
        return self._native.redact(text)[0]

    def redact_with_report(self, text: Text) -> Tuple[Union[str, bytes], Dict[str, Dict[str, int]]]:
        """The redacted text and its findings by kind and action."""
        out, report = self._native.redact(text)
        return out, report

    def open_stream(self) -> RedactionStream:
        return RedactionStream(self._native.open_stream())


def reveal(text: Text, key: Union[None, str, bytes] = None, strict: bool = True) -> Union[str, bytes]:
    """`text` with the values that ``encrypt`` wrote decrypted. A value that
    does not decrypt under `key` (a wrong key, a changed byte) raises
    ValueError, or is left as it is when not `strict`."""
    out, failed = _vigie.reveal(text, _key(key))
    if failed and strict:
        raise ValueError(f"{failed} encrypted value(s) did not decrypt under this key")
    return out


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
        layout: "auto" (JSON when the text begins like JSON, CSV/TSV when
            the first lines look like one), "text", "delimited" or "json"
            (JSON Lines or a document: members' names give their values
            context as a header gives it to a column).
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

    def redactor(self, policy: Optional["RedactionPolicy"] = None) -> "Redactor":
        """A :class:`Redactor` with this scanner's detectors, threshold-free
        (the policy's ``min_score`` decides), layout and delimiter."""
        return Redactor(self, policy or RedactionPolicy())

    def redact(self, text: Text, policy: Optional["RedactionPolicy"] = None) -> Union[str, bytes]:
        """`text` with its findings replaced as `policy` says (default:
        identifiers, contacts and financial data masked, health terms
        tagged); str for str, bytes otherwise."""
        return self.redactor(policy).redact(text)

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
