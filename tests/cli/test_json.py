# SPDX-License-Identifier: Apache-2.0
"""`vigie scan` on JSON: the bundled sample as JSON Lines and as a JSON
document (written here with Python's csv and json modules) gives the CSV's
findings, each within its string, with byte offsets of the file."""
import csv
import io
import json
from collections import Counter

# An address is cut into three members in JSON (street, postcode, commune)
# and spans them in the CSV: it is compared apart.
COMPARED = ("PERSON", "DATE_OF_BIRTH", "EMAIL_ADDRESS", "PHONE_NUMBER", "FR_NIR",
            "HEALTH_BLOOD_GROUP", "HEALTH_INSURANCE")


def findings(run, path, *args):
    r = run("scan", "--format", "jsonl", "--show-values", *args, path)
    assert r.returncode in (0, 1), r.stderr
    lines = [json.loads(line) for line in r.stdout.decode().splitlines()]
    return [f for f in lines if f["type"] == "finding"]


def sample_records(sample_dir):
    text = (sample_dir / "patients_labo.csv").read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text), delimiter=";"))


def string_spans(data: bytes):
    """The byte spans of the JSON strings of `data` that are values, the
    quotes excluded, found by a reading of its own (escapes skipped)."""
    spans, i, expect_name, stack = [], 0, False, []
    while i < len(data):
        c = data[i:i + 1]
        if c == b'"':
            j = i + 1
            while data[j:j + 1] != b'"':
                j += 2 if data[j:j + 1] == b"\\" else 1
            if not expect_name:
                spans.append((i + 1, j))
            i = j + 1
            continue
        if c in (b"{", b"["):
            stack.append(c)
            expect_name = c == b"{"
        elif c in (b"}", b"]"):
            stack.pop()
            expect_name = False
        elif c == b",":
            expect_name = stack[-1:] == [b"{"]
        elif c == b":":
            expect_name = False
        i += 1
    return spans


def test_json_lines_and_documents_find_what_the_csv_holds(run, sample_dir, tmp_path):
    records = sample_records(sample_dir)
    lines = tmp_path / "patients.jsonl"
    lines.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                     encoding="utf-8")
    document = tmp_path / "patients.json"
    # Nested: the identity apart, as exports often do.
    nested = [{"patient": {k: r[k] for k in ("nom", "prenom", "date_naissance")},
               **{k: v for k, v in r.items() if k not in ("nom", "prenom", "date_naissance")}}
              for r in records]
    document.write_text(json.dumps(nested, ensure_ascii=False, indent=2), encoding="utf-8")
    csv_found = findings(run, sample_dir / "patients_labo.csv")
    want = Counter((f["kind"], f["value"]) for f in csv_found if f["kind"] in COMPARED)
    assert want[("FR_NIR", next(iter(k[1] for k in want if k[0] == "FR_NIR")))] == 1
    for path in (lines, document):
        data = path.read_bytes()
        found = findings(run, path)
        got = Counter((f["kind"], f["value"]) for f in found if f["kind"] in COMPARED)
        assert got == want, (path.name, got - want, want - got)
        spans = string_spans(data)
        for f in found:
            # Within one string value: never in a member's name, never
            # across quotes; the offsets are the file's bytes.
            assert any(b <= f["start"] and f["end"] <= e for b, e in spans), f
            line_start = data.rfind(b"\n", 0, f["start"]) + 1
            assert data[:f["start"]].count(b"\n") + 1 == f["line"]
            assert len(data[line_start:f["start"]].decode()) + 1 == f["column"]
        # Every address is found, its parts in their members.
        addresses = [f for f in found if f["kind"] == "FR_POSTAL_ADDRESS"]
        assert len(addresses) == len(records)


def test_names_under_name_members_whatever_the_lists_say(run, tmp_path):
    path = tmp_path / "invented.json"
    people = [{"id": i, "identite": {"nom": nom, "prenom": prenom}, "noteLibre": "RAS"}
              for i, (nom, prenom) in enumerate([("Zorvathek", "Quilmarde"),
                                                 ("Brindolec", "Ysmaëlle"),
                                                 ("Kervadoc Le Guen", "Aëlwenn")])]
    # With a byte order mark, as spreadsheet tools write it.
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(people, ensure_ascii=False).encode())
    found = findings(run, path)
    names = {f["value"].lower() for f in found if f["kind"] == "PERSON" and f["score"] >= 0.85}
    assert names == {"zorvathek", "quilmarde", "brindolec", "ysmaëlle", "kervadoc le guen",
                     "aëlwenn"}
    # Read as text, the invented names are not found: the members gave them.
    as_text = findings(run, path, "--layout", "text")
    assert not {f["value"].lower() for f in as_text} & {"zorvathek", "brindolec"}


def test_layout_json_is_said_or_guessed(run, tmp_path):
    # "[1] ..." is no JSON: read as text. Said to be JSON, a text that does
    # not begin like it is read as JSON all the same.
    notes = tmp_path / "notes.txt"
    notes.write_text("[1] Consultation de Mme Garnier, tél. 06 39 98 41 27.\n", encoding="utf-8")
    assert {f["kind"] for f in findings(run, notes)} >= {"PHONE_NUMBER", "PERSON"}
    tail = tmp_path / "tail.json"
    tail.write_text('  "prenom": "Quilmarde", "tel": "06 39 98 41 27"}\n{"nom": "Zorvathek"}\n',
                    encoding="utf-8")
    assert "zorvathek" not in {f["value"].lower() for f in findings(run, tail)}
    said = findings(run, tail, "--layout", "json")
    assert "zorvathek" in {f["value"].lower() for f in said}
    r = run("scan", "--layout", "xml", tail)
    assert r.returncode == 2 and b"layout" in r.stderr


def test_redaction_reads_json_as_the_scan_does(run, tmp_path):
    # Invented names under name members are redacted, each string stays a
    # string, members' names are kept, and the result verifies.
    source = tmp_path / "export.json"
    records = [{"nom": "Zorvathek", "prenom": "Quilmarde", "num_secu": "185057512345673",
                "groupe_sanguin": "O+", "commentaire": "RAS"}]
    source.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "export.redacted.json"
    r = run("redact", "--verify", "-o", out, source)
    assert r.returncode == 0, r.stderr
    redacted = json.loads(out.read_text(encoding="utf-8"))
    assert list(redacted[0]) == list(records[0])
    for member in ("nom", "prenom", "num_secu", "groupe_sanguin"):
        assert redacted[0][member] != records[0][member], member
    assert redacted[0]["commentaire"] == "RAS"
    assert b"Zorvathek" not in out.read_bytes()
