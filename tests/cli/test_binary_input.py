# SPDX-License-Identifier: Apache-2.0
"""Binary files, UTF-16 text and random bytes given to `vigie scan`: binary
files are skipped unless --binary, and said to be in every format; UTF-16
with a byte-order mark is text, with offsets into the file's own bytes;
random bytes never reveal health data."""
import json
import random

import pytest

# A record with a name, an e-mail, a NIR (valid key) and health terms.
RECORD = ("Patiente : Mme Hélène Garnier, née le 12/03/1984, NIR 2 84 03 75 116 021 06, "
          "mail helene.garnier@example.org ; enceinte de 12 SA, diabète, groupe sanguin A+\n")


def jsonl(stdout: bytes) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines()]


def findings(stdout: bytes) -> list[dict]:
    return [x for x in jsonl(stdout) if x["type"] == "finding"]


def test_binary_file_is_skipped_and_said_so_in_every_format(run, tmp_path):
    binary = tmp_path / "image.bin"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + RECORD.encode())
    text = tmp_path / "note.txt"
    text.write_text(RECORD, encoding="utf-8")

    out = run("scan", "--format", "jsonl", binary, text)
    assert out.returncode == 1, out.stderr  # the text file's findings
    records = jsonl(out.stdout)
    skipped = [r for r in records if r["type"] == "skipped"]
    assert [r["path"] for r in skipped] == [str(binary)]
    assert "binary" in skipped[0]["reason"] and "--binary" in skipped[0]["reason"]
    assert {f["path"] for f in findings(out.stdout)} == {str(text)}
    assert records[-1]["type"] == "summary" and records[-1]["skipped"] == 1
    assert records[-1]["files"] == 1 and records[-1]["errors"] == 0

    sarif = json.loads(run("scan", "--format", "sarif", binary, text).stdout)
    notes = sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert [n["level"] for n in notes] == ["note"]
    assert "skipped" in notes[0]["message"]["text"]
    assert sarif["runs"][0]["invocations"][0]["executionSuccessful"] is True
    assert all(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("note.txt")
               for r in sarif["runs"][0]["results"])

    plain = run("scan", binary, text).stdout.decode()
    assert "image.bin: skipped, binary file" in plain
    assert "Skipped 1 binary file" in plain

    # --binary scans it: the record after the header is found.
    scanned = run("scan", "--format", "jsonl", "--binary", "--kinds", "FR_NIR", binary)
    assert scanned.returncode == 1
    assert [f["kind"] for f in findings(scanned.stdout)] == ["FR_NIR"]


def test_binary_standard_input_and_jobs(run, tmp_path):
    payload = b"\x00" * 10 + RECORD.encode()
    out = run("scan", "--format", "jsonl", "-", stdin=payload)
    assert out.returncode == 0 and jsonl(out.stdout)[0] == {
        "type": "skipped", "path": "-",
        "reason": "binary file (a NUL byte in its first 8 KiB); --binary scans it"}
    # A NUL after the first 8 KiB is text with a stray byte, scanned.
    late = b"x" * (9 << 10) + b"\x00\n" + RECORD.encode()
    assert findings(run("scan", "--format", "jsonl", "-", stdin=late).stdout)
    # Large files among others, with several jobs: skipped the same way.
    for i in range(3):
        (tmp_path / f"{i}.bin").write_bytes(payload * (40_000 if i == 1 else 1))
    many = run("scan", "--format", "jsonl", "-j", "2", tmp_path)
    assert [r["type"] for r in jsonl(many.stdout)] == ["skipped"] * 3 + ["summary"]


@pytest.mark.parametrize("codec,mark", [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff")])
def test_utf16_with_a_mark_is_text_with_offsets_into_the_file(run, tmp_path, codec, mark):
    # A character beyond the BMP (a surrogate pair) before the record.
    text = "😀 Rapport\n" + RECORD
    path = tmp_path / "export.txt"
    path.write_bytes(mark + text.encode(codec))
    out = run("scan", "--format", "jsonl", "--show-values", path)
    assert out.returncode == 1, out.stderr
    utf8 = tmp_path / "export-utf8.txt"
    utf8.write_text(text, encoding="utf-8")
    expected = run("scan", "--format", "jsonl", "--show-values", utf8)
    got, want = findings(out.stdout), findings(expected.stdout)
    assert [(f["kind"], f["value"], f["line"], f["column"]) for f in got] == [
        (f["kind"], f["value"], f["line"], f["column"]) for f in want]
    assert {"PERSON", "FR_NIR", "EMAIL_ADDRESS", "HEALTH_PREGNANCY"} <= {f["kind"] for f in got}
    raw = path.read_bytes()
    for f, w in zip(got, want):
        # The offsets are the file's: its bytes there are the matched text.
        original = raw[f["start"]:f["end"]].decode(codec)
        assert original == utf8.read_bytes()[w["start"]:w["end"]].decode("utf-8"), f
    summary = jsonl(out.stdout)[-2]
    assert summary["type"] == "file" and summary["bytes"] == len(raw)


def test_utf16_across_reads_and_broken_code_units(run, tmp_path):
    # Over 1 MiB: the reads (1 MiB) cut code units and a surrogate pair;
    # a lone surrogate and an odd last byte become U+FFFD.
    filler = "x" * ((1 << 19) - 9) + "\n"
    text = filler + "😀" + RECORD + "\ud800 " + RECORD
    raw = b"\xff\xfe" + text.encode("utf-16-le", "surrogatepass") + b"\x41"
    path = tmp_path / "big.txt"
    path.write_bytes(raw)
    out = run("scan", "--format", "jsonl", "--show-values", "--kinds", "FR_NIR,EMAIL_ADDRESS", path)
    assert out.returncode == 1, out.stderr
    got = findings(out.stdout)
    assert [f["kind"] for f in got] == ["FR_NIR", "EMAIL_ADDRESS"] * 2
    for f in got:
        assert raw[f["start"]:f["end"]].decode("utf-16-le") in (
            "2 84 03 75 116 021 06", "helene.garnier@example.org"), f
        assert f["line"] in (2, 3)


def random_bytes(n: int, seed: int, without: bytes = b"") -> bytes:
    rng = random.Random(seed)
    data = bytes(rng.getrandbits(8) for _ in range(n))
    return bytes(b for b in data if b not in without)


@pytest.mark.parametrize("seed", [1, 2])
def test_random_bytes_never_reveal_health_data(run, tmp_path, seed):
    # With NUL bytes: skipped. Scanned anyway (--binary), or without NUL
    # bytes: words found by chance in random bytes are no health data.
    with_nul = tmp_path / "random.bin"
    with_nul.write_bytes(random_bytes(1 << 20, seed))
    without_nul = tmp_path / "random.txt"
    without_nul.write_bytes(random_bytes(1 << 20, seed + 100, without=b"\x00"))
    for args in ([with_nul], ["--binary", with_nul], [without_nul]):
        out = run("scan", "--format", "jsonl", *args)
        assert out.returncode in (0, 1), out.stderr
        summary = jsonl(out.stdout)[-1]
        assert summary["files_revealing_health"] == 0, (args, summary)
        health = [f for f in findings(out.stdout) if f["category"] == "health"]
        assert not health, health[:3]
