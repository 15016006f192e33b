# SPDX-License-Identifier: Apache-2.0
"""The Python package: offsets, inputs, batches, threads, pickling,
validators, custom detectors, streams, the health verdict, the command."""
import gc
import importlib.metadata
import json
import pickle
import subprocess
import sys
import typing
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import vigie
from vigie import validate

TEXT = ("Patiente : Mme Hélène Garnier, née le 14/03/1987, NIR 2 87 03 56 260 117 30, "
        "tél. 06 39 98 41 27 — courriel helene.garnier@example.org. Sérologie VIH négative.")


def test_str_offsets_are_code_points_and_agree_with_bytes(scanner):
    found = scanner.scan(TEXT)
    kinds = [f.kind for f in found]
    assert {"PERSON", "FR_NIR", "PHONE_NUMBER", "EMAIL_ADDRESS", "DATE_OF_BIRTH"} <= set(kinds)
    data = TEXT.encode()
    as_bytes = scanner.scan(data)
    assert [f.kind for f in as_bytes] == kinds
    for s, b in zip(found, as_bytes):
        # the same match, sliced as text and as bytes
        assert TEXT[s.start:s.end].encode() == data[b.start:b.end]
        assert (s.byte_start, s.byte_end) == (b.start, b.end) == (b.byte_start, b.byte_end)
    nir = next(f for f in found if f.kind == "FR_NIR")
    assert TEXT[nir.start:nir.end] == "2 87 03 56 260 117 30"
    person = next(f for f in found if f.kind == "PERSON")
    assert TEXT[person.start:person.end] == "Hélène Garnier"
    # accents before the match: code points and bytes differ
    assert nir.byte_start == len(TEXT[:nir.start].encode()) > nir.start


def test_memoryview_and_bytearray_are_read_in_place(scanner):
    data = bytearray(TEXT.encode())
    assert [f.kind for f in scanner.scan(memoryview(data))] == \
        [f.kind for f in scanner.scan(bytes(data))] == [f.kind for f in scanner.scan(data)]
    with pytest.raises(TypeError):
        scanner.scan(12345)


def test_invalid_utf8_and_empty_input(scanner):
    assert scanner.scan("") == [] and scanner.scan(b"") == []
    data = b"\xff\xfe NIR \xc3 185057512345673\x00\xc3\xa9 tel 0612345678 \xe2\x82"
    found = scanner.scan(data)
    assert [data[f.start:f.end] for f in found] == [b"185057512345673", b"0612345678"]


def test_values_only_when_asked(scanner, valued):
    assert all(f.value is None and f.components is None for f in scanner.scan(TEXT))
    shown = {f.kind: f for f in valued.scan(TEXT)}
    assert shown["FR_NIR"].value == "287035626011730"
    assert shown["PHONE_NUMBER"].value == "+33639984127"
    assert shown["PERSON"].components == {"given": "Hélène", "family": "GARNIER", "sex": "F"}
    assert "Garnier" not in repr(shown["PERSON"])  # repr never shows the value


def test_findings_stay_out_of_the_cycle_collector(scanner, valued):
    # Findings of strings and numbers can be in no cycle: untracked, so that
    # the collector's passes over a large batch do not hold the GIL. A
    # finding with its components (a dict) stays tracked.
    plain = scanner.scan_batch([TEXT])[0]
    assert plain and not any(gc.is_tracked(f) for f in plain)
    with_parts = [f for f in valued.scan(TEXT) if f.components is not None]
    assert with_parts and all(gc.is_tracked(f) for f in with_parts)


def test_batch_equals_one_by_one(scanner):
    texts = [TEXT, "", "rien ici", TEXT.encode(), "Tél. 01 23 45 67 89", "é" * 100 + " 0612345678"]
    assert scanner.scan_batch(texts) == [scanner.scan(t) for t in texts]
    assert scanner.scan_batch(iter(texts[:2])) == [scanner.scan(TEXT), []]


def test_threads_share_one_scanner(scanner):
    texts = [f"{TEXT} {i}" for i in range(200)]
    expected = [scanner.scan(t) for t in texts]
    with ThreadPoolExecutor(4) as pool:
        assert list(pool.map(scanner.scan, texts)) == expected
        halves = [texts[:100], texts[100:]]
        assert sum(pool.map(scanner.scan_batch, halves), []) == expected


def test_pickle_by_configuration(database):
    small = vigie.Scanner(kinds=["FR_NIR", "PHONE_NUMBER"], min_score=0.4)
    again = pickle.loads(pickle.dumps(small))
    assert again.scan(TEXT) == small.scan(TEXT)
    assert "FR_NIR" in repr(again)
    # with its compiled databases: workers load instead of compiling
    fast = vigie.Scanner(database=database)
    payload = pickle.dumps(fast.with_database())
    assert len(payload) > 1_000_000
    assert pickle.loads(payload).scan(TEXT) == fast.scan(TEXT)
    with pytest.raises(ValueError, match="other detectors or options"):
        vigie.Scanner(kinds=["FR_NIR"], database=database)
    with pytest.raises(ValueError, match="not a vigie database"):
        vigie.Scanner(database=b"garbage")


def test_compiled_detectors_are_cached_between_scanners(tmp_path, monkeypatch):
    text = "NIR 2 95 10 99 126 111 93"
    first = vigie.Scanner(kinds=["FR_NIR"], cache=tmp_path)
    files = list(tmp_path.iterdir())
    assert len(files) == 1 and files[0].suffix == ".vigiedb"
    stamp = files[0].stat().st_mtime_ns
    second = vigie.Scanner(kinds=["FR_NIR"], cache=str(tmp_path))
    assert files[0].stat().st_mtime_ns == stamp  # loaded, not written again
    assert second.scan(text) == first.scan(text) and len(first.scan(text)) == 1
    files[0].write_bytes(b"damaged")
    third = vigie.Scanner(kinds=["FR_NIR"], cache=tmp_path)
    assert third.scan(text) == first.scan(text) and files[0].stat().st_size > 1000
    default = tmp_path / "default"
    monkeypatch.setenv("VIGIE_CACHE_DIR", str(default))
    vigie.Scanner(kinds=["FR_NIR"], cache=False)
    assert not default.exists()
    vigie.Scanner(kinds=["FR_NIR"])
    assert len(list(default.iterdir())) == 1
    assert pickle.loads(pickle.dumps(second)).scan(text) == first.scan(text)


def test_validators_explain(vectors):
    v = validate.nir("2 84 05 2A 321 025 52")
    assert v and v.valid and v["department"] == "2A" and v["sex"] == 2 and v.reason is None
    bad = validate.nir("2 84 05 2A 321 025 53")
    assert not bad and bad.reason == "key does not match"
    for line in (vectors / "nir_valid.txt").read_text().splitlines()[:200]:
        if line and not line.startswith("#"):
            assert validate.nir(line).valid, line
    for line in (vectors / "iban_fr_invalid.txt").read_text().splitlines()[:50]:
        if line and not line.startswith("#"):
            assert not validate.iban(line).valid and validate.iban(line).reason, line
    assert validate.phone("06 12 34 56 78")["e164"] == "+33612345678"
    assert validate.address("12 bis rue des Lilas, 56000 Vannes")["commune"] == "Vannes"
    assert validate.name("Dr Jean-Pierre LE GALL")["family"] == "LE GALL"
    assert set(validate.validators()) >= {"nir", "phone", "iban", "address", "name"}
    with pytest.raises(ValueError):
        validate.check("nope", "x")


# The broken callback is reported as unraisable, once per call, and rejects.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_custom_detector_with_a_python_callback(database):
    def check_digit(match: str):
        digits = match[2:8]
        if sum(map(int, digits)) % 10 != int(match[-1]):
            return False
        return (0.8, "E" + digits)

    def broken(match: str):
        raise RuntimeError("a bug in user code")

    scanner = vigie.Scanner(builtin_detectors=False, values=True, detectors=[
        vigie.Detector(kind="ACME_EMPLOYEE_ID", patterns=[r"E-[0-9]{6}-[0-9]"],
                       keywords=["matricule"], confirm=check_digit),
        vigie.Detector(kind="ACME_BROKEN", literals=["boom"], confirm=broken),
    ])
    found = scanner.scan("matricule E-123456-1, E-123456-2, boom")
    assert [(f.kind, f.value) for f in found] == [("ACME_EMPLOYEE_ID", "E123456")]
    assert found[0].score > 0.9  # the keyword raised it
    with pytest.raises(ValueError, match="invalid kind"):
        vigie.Scanner(detectors=[vigie.Detector(kind="lower")])


def test_custom_detector_windows_and_negative_keywords():
    # "ticket" raises within 10 bytes before the match, "exemple" lowers
    # within 12 bytes after it; farther, they say nothing.
    scanner = vigie.Scanner(builtin_detectors=False, min_score=0, cache=False, detectors=[
        vigie.Detector(kind="ACME_TICKET", patterns=[r"T-[0-9]{4}"], keywords=["ticket"],
                       negative_keywords=["exemple"], window_before=10, window_after=12,
                       score=0.6)])

    def score(text: str) -> float:
        found = scanner.scan(text)
        assert len(found) == 1, text
        return found[0].score

    plain = score("vu T-1234 hier")
    assert plain == pytest.approx(0.6)
    assert score("ticket T-1234 hier") > plain
    assert score("ticket, voir aussi T-1234 hier") == pytest.approx(plain)
    assert score("vu T-1234 (exemple)") < plain
    assert score("vu T-1234 puis beaucoup plus tard exemple") == pytest.approx(plain)


def test_json_members_name_their_values(valued):
    # Names no list knows, under members that say they are names: found
    # in JSON Lines and in a document alike, guessed or said to be JSON.
    records = [{"nom": "Zorvathek", "prenom": "Quilmarde", "num_secu": "185057512345673",
                "contact": {"tel": "06 12 34 56 78"}, "commentaire": "RAS"},
               {"lastName": "Brindolec", "firstName": "Ysmaëlle"}]
    lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    document = json.dumps(records, ensure_ascii=False, indent=2)
    for text in (lines, document):
        for layout in ("auto", "json"):
            scanner = vigie.Scanner(layout=layout, values=True)
            found = {(f.kind, f.value.lower()) for f in scanner.scan(text)}
            assert {("PERSON", "zorvathek"), ("PERSON", "quilmarde"), ("PERSON", "brindolec"),
                    ("PERSON", "ysmaëlle"), ("FR_NIR", "185057512345673"),
                    ("PHONE_NUMBER", "+33612345678")} <= found, (layout, found)
            # members' names hold no finding; offsets are the text's
            for f in scanner.scan(text):
                assert text[f.start - 1] == '"' or text[f.start - 1].isspace() or f.kind != "PERSON"
    # Read as running text, the names under "nom" that no list knows are not.
    as_text = {f.value.lower() for f in vigie.Scanner(layout="text", values=True).scan(lines)}
    assert "zorvathek" not in as_text
    with pytest.raises(ValueError):
        vigie.Scanner(layout="xml")


def test_stream_equals_scan(scanner):
    data = (TEXT + "\n") * 50
    stream = scanner.open_stream()
    found = []
    raw = data.encode()
    for i in range(0, len(raw), 7):
        found += stream.write(raw[i:i + 7])
    found += stream.finish()
    assert found == scanner.scan(raw)
    assert stream.bytes_written == len(raw)


def test_health_verdict():
    scanner = vigie.Scanner(min_score=vigie.HEALTH_EVIDENCE_FLOOR)
    verdict = scanner.health("Sérologie VIH négative, grossesse de 6 SA.")
    assert verdict.reveals_health and verdict.score > 0.9
    assert {"HEALTH_SEXUAL", "HEALTH_PREGNANCY"} <= {e.kind for e in verdict.kinds}
    assert not scanner.health("Il fait beau sur la côte.").reveals_health


def test_health_weighs_weak_evidence_whatever_the_scanner_reports(scanner):
    # Two everyday words (0.4 each, under the default min_score 0.5) on one
    # line reveal health; the default scanner weighs them for health() all
    # the same, and still does not report them.
    text = "Vu pour fatigue et toux."
    assert scanner.scan(text) == []
    verdict = scanner.health(text)
    assert verdict.reveals_health and 0.6 < verdict.score < 0.7
    assert verdict == vigie.Scanner(min_score=vigie.HEALTH_EVIDENCE_FLOOR).health(text)


def test_python_m_vigie_scan(tmp_path):
    path = tmp_path / "note.txt"
    path.write_text(TEXT, encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "vigie", "scan", "--format", "jsonl", str(path)],
                       capture_output=True, timeout=120)
    assert r.returncode == 1, r.stderr
    records = [json.loads(x) for x in r.stdout.decode().splitlines()]
    findings = [x for x in records if x["type"] == "finding"]
    assert records[-1]["type"] == "summary" and records[-1]["findings"] == len(findings)
    assert "Garnier" not in r.stdout.decode() and "helene" not in r.stdout.decode()
    data = TEXT.encode()
    for f in findings:
        assert f["masked_value"].count("*") >= len(f["masked_value"]) // 2
        assert data[f["start"]:f["end"]]
    # masked as the program masks: short values entirely
    assert vigie._vigie.mask("Jean") == "****"
    assert vigie._vigie.mask("2 84 05 88 321 025 32") == "* ** ** ** *** *** 32"
    missing = subprocess.run([sys.executable, "-m", "vigie", "scan", str(tmp_path / "nope")],
                             capture_output=True, timeout=120)
    assert missing.returncode == 2 and b"nope" in missing.stderr


def test_the_package_is_typed(tmp_path):
    package = Path(vigie.__file__).parent
    assert (package / "py.typed").exists() and (package / "_vigie.pyi").exists()
    assert vigie.__version__ == "0.1.0"
    hints = typing.get_type_hints(vigie.Finding)
    assert hints["start"] is int and hints["score"] is float
    assert typing.get_type_hints(vigie.Scanner.scan)["return"] == typing.List[vigie.Finding]
    # the installed package, as its users' type checker sees it
    r = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", "-p", "vigie"],
                       capture_output=True, cwd=tmp_path, timeout=300)
    assert r.returncode == 0, r.stdout.decode()


def test_the_wheel_carries_the_licences():
    # vigie's licence and the licences of the data its module embeds, as
    # the metadata's expression and as files (PEP 639).
    meta = importlib.metadata.metadata("vigie")
    assert meta["License-Expression"].split(" AND ")[0] == "Apache-2.0"
    assert "CC-BY-4.0" in meta["License-Expression"]
    files = [str(f) for f in importlib.metadata.files("vigie") or []]
    licences = {f.split("/licenses/", 1)[1] for f in files if "/licenses/" in f}
    assert {"LICENSE", "NOTICE", "lib/data/NOTICE.md",
            "lib/data/places/LICENSE_libpostal_MIT.txt"} <= licences, licences


def test_the_wheel_installs_the_package_only():
    # No C++ headers, libraries or CMake files beside it in site-packages.
    files = [str(f) for f in importlib.metadata.files("vigie") or []]
    assert any(f.startswith("vigie/_vigie") for f in files)
    strays = [f for f in files if not f.startswith(("vigie/", "vigie-"))]
    assert not strays, strays
