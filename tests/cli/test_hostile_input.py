# SPDX-License-Identifier: Apache-2.0
"""Hostile input through `vigie scan`, streamed: each run's peak memory
(its own, from wait4) stays bounded whatever the input's size or shape.
Run once, against the optimized program: scripts/test.sh leaves this file
out of the sanitizer build's run, where memory is not the program's own."""
import json
import os
import subprocess
import threading

import pytest

# vigie's resident memory with every detector loaded is about 40-80 MB;
# none of these inputs may add more than what the stream holds.
MAX_RSS_KB = 160 << 10

PROSE = ("La patiente, suivie pour un diabète de type 2, a été revue en consultation ; "
         "le compte rendu est adressé au médecin traitant. Contact : 06 12 34 56 78, "
         "accueil@example.org. Rien d'autre à signaler cette semaine.\n").encode()


def scan(vigie_bin, database, chunks, *args):
    """Runs `vigie scan - ARGS` with `chunks` written to its standard input
    by a thread; returns (exit status, peak RSS in KiB, the last JSONL
    record, bytes of output)."""
    rc, rss, last, size = piped([vigie_bin, "scan", "--format", "jsonl", "--database", database,
                                 "-j", "1", *args, "-"], chunks)
    return rc, rss, json.loads(last), size


def piped(command, chunks):
    """Runs `command` with `chunks` written to its standard input by a
    thread; returns (exit status, peak RSS in KiB, its last line of output,
    bytes of output)."""
    proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL)

    def feed():
        try:
            for chunk in chunks:
                proc.stdin.write(chunk)
        finally:
            proc.stdin.close()

    feeder = threading.Thread(target=feed)
    feeder.start()
    # Read as it comes, in blocks, keeping only the end: the output (a
    # single line of 100 MB, redacted) is never held here, where it would
    # swell this process and, through fork, the next child's peak RSS.
    tail, size = b"", 0
    while block := proc.stdout.read(1 << 16):
        tail = (tail + block)[-(1 << 16):]
        size += len(block)
    feeder.join()
    last = tail.rstrip(b"\n").rsplit(b"\n", 1)[-1]
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return proc.returncode, usage.ru_maxrss, last, size


@pytest.fixture(scope="module")
def database(vigie_bin, tmp_path_factory):
    path = tmp_path_factory.mktemp("db") / "all.vigiedb"
    subprocess.run([vigie_bin, "scan", "--database", path, "-"], input=b"", check=True,
                   capture_output=True)
    return str(path)


def repeat(block: bytes, total: int):
    # Pieces of about 1 MiB, `total` bytes in all.
    piece = block * max(1, (1 << 20) // len(block))
    sent = 0
    while sent < total:
        out = piece[:total - sent]
        sent += len(out)
        yield out


def test_one_gib_stream_through_a_pipe(vigie_bin, database):
    rc, rss, summary, _ = scan(vigie_bin, database, repeat(PROSE, 1 << 30))
    assert rc == 1 and summary["bytes"] == 1 << 30
    assert summary["by_kind"]["PHONE_NUMBER"] > 4_000_000
    assert rss < MAX_RSS_KB, rss


def test_hundred_mb_line_of_digits(vigie_bin, database):
    rc, rss, summary, _ = scan(vigie_bin, database, repeat(b"0123456789", 100 << 20))
    assert rc == 0 and summary["bytes"] == 100 << 20 and summary["findings"] == 0
    assert rss < MAX_RSS_KB, rss


def test_capitalized_words(vigie_bin, database):
    # Every word may end a name, and every name overlaps the next: the
    # slowest text for the name finder (about 5 MB/s).
    words = b"Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon "
    rc, rss, summary, _ = scan(vigie_bin, database, repeat(words * 20 + b"\n", 100 << 20),
                               "--kinds", "PERSON")
    assert rc == 1 and summary["bytes"] == 100 << 20 and summary["findings"] > 3_000_000
    assert rss < MAX_RSS_KB, rss


def test_csv_of_a_million_empty_cells_and_unbalanced_quotes(vigie_bin, database):
    header = b"nom;prenom;\"telephone;nir\n"
    rows = (b";" * 100 + b"\"\n") * 10_000 + b"\"DUPONT;Jean;06 12 34 56 78\n" * 1000
    rc, rss, summary, _ = scan(vigie_bin, database, [header, rows] * 10, "--layout",
                               "delimited")
    assert rc in (0, 1) and summary["errors"] == 0
    assert summary["bytes"] == 10 * (len(header) + len(rows))
    assert rss < MAX_RSS_KB, rss


@pytest.mark.parametrize("word", [b"diab\xc3\xa8te ", b"patient "])
def test_one_keyword_repeated_on_one_line(vigie_bin, database, word):
    # No line break: everything a line's verdict keeps must stay bounded.
    rc, rss, summary, _ = scan(vigie_bin, database, repeat(word, 20 << 20))
    assert summary["bytes"] == 20 << 20
    if word.startswith(b"diab"):
        assert rc == 1 and summary["files_revealing_health"] == 1
        assert summary["by_kind"]["HEALTH_CONDITION"] > 2_000_000
    assert rss < MAX_RSS_KB, rss


@pytest.mark.parametrize("layout", ["text", "delimited"])
def test_redacting_a_hundred_mb_line(vigie_bin, database, layout):
    # One record of 100 MB (no line break): written out as it settles, a
    # megabyte at most held for it, every phone masked, health terms tagged.
    line = PROSE.replace(b"\n", b" ").replace(b";", b",")
    total = 100 << 20
    rc, rss, last, size = piped([vigie_bin, "redact", "--database", database, "--layout", layout,
                                 "-"], repeat(line, total))
    assert rc == 0
    assert rss < MAX_RSS_KB, rss
    assert total < size < 1.1 * total
    assert b"06 12" not in last and b"** ** ** ** **" in last and b"<HEALTH_CONDITION>" in last
