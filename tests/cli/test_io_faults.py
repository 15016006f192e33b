# SPDX-License-Identifier: Apache-2.0
"""`vigie scan` when writing or reading fails: a reader that goes away, a
full output, a database or cache that cannot be written, a file that
vanishes while the inputs are scanned."""
import json
import os
import resource
import signal
import subprocess
import threading

import pytest

RECORD = (b"DUPONT;Jean;12/03/1984;2 84 03 75 116 021 06;jean.dupont@example.org;"
          b"06 12 34 56 78;diab\xc3\xa8te\n")


def jsonl(stdout: bytes) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines()]


def database_args(database_dir):
    # The session's compiled detectors (see conftest.py), for runs that
    # call Popen themselves.
    return ["--database", str(database_dir / "all.vigiedb")]


def test_reader_that_goes_away_ends_the_scan_quietly(vigie_bin, run, database_dir):
    run("scan", "-", stdin=b"")  # the session's database exists
    proc = subprocess.Popen([vigie_bin, "scan", "--format", "jsonl", *database_args(database_dir),
                             "-"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    cap = 512 << 20
    written = {"bytes": 0, "broken": False}

    def feed():
        # Records without end, until vigie stops reading (or a cap far
        # beyond what it needs to fill its output).
        chunk = RECORD * 4096
        try:
            while written["bytes"] < cap:
                proc.stdin.write(chunk)
                written["bytes"] += len(chunk)
        except BrokenPipeError:
            written["broken"] = True
        finally:
            try:
                proc.stdin.close()
            except BrokenPipeError:
                pass

    feeder = threading.Thread(target=feed)
    feeder.start()
    first = proc.stdout.readline()
    proc.stdout.close()  # as `head -1` does
    rc = proc.wait(timeout=300)
    feeder.join()
    stderr = proc.stderr.read()
    assert json.loads(first)["type"] == "finding"
    assert rc == 1 and stderr == b"", (rc, stderr)
    # vigie stopped reading long before the end: it did not scan on for
    # nobody.
    assert written["broken"] and written["bytes"] < cap


@pytest.mark.parametrize("fmt", ["text", "jsonl", "sarif"])
def test_full_output_is_an_error(vigie_bin, run, database_dir, sample_dir, fmt):
    run("scan", "-", stdin=b"")
    with open("/dev/full", "wb") as full:
        r = subprocess.run([vigie_bin, "scan", "--format", fmt, *database_args(database_dir),
                            sample_dir / "patients_labo.csv"], stdout=full,
                           stderr=subprocess.PIPE, timeout=300)
    assert r.returncode == 2
    assert r.stderr.decode().strip() == "vigie: cannot write the report: No space left on device"


def no_partial_files(directory):
    return [p.name for p in directory.rglob("*") if ".tmp." in p.name]


def test_database_that_cannot_be_written(run, tmp_path, sample_dir):
    path = sample_dir / "compte_rendu.txt"
    expected = run("scan", "--format", "jsonl", "--kinds", "FR_NIR,EMAIL_ADDRESS", path)
    # Its folder is a file: nothing can be created there, root or not.
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    r = run("scan", "--format", "jsonl", "--kinds", "FR_NIR,EMAIL_ADDRESS",
            "--database", blocker / "detectors.vigiedb", path)
    assert r.returncode == 1 and r.stdout == expected.stdout
    assert b"cannot write" in r.stderr and b"going on without saving it" in r.stderr
    # The cache, the same.
    cached = run("scan", "--format", "jsonl", "--kinds", "FR_NIR,EMAIL_ADDRESS", path,
                 env={"VIGIE_CACHE_DIR": str(blocker / "cache")})
    assert cached.returncode == 1 and cached.stdout == expected.stdout
    assert b"cannot keep the compiled detectors" in cached.stderr
    assert blocker.read_text() == "x"


def limit_file_size():
    # A disk that fills up after 4 KiB: writes past it fail (EFBIG).
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (4 << 10, 4 << 10))


def test_database_write_that_fails_midway_leaves_nothing(vigie_bin, tmp_path, sample_dir):
    path = sample_dir / "compte_rendu.txt"
    folder = tmp_path / "db"
    folder.mkdir()
    env = dict(os.environ, VIGIE_CACHE_DIR=str(tmp_path / "cache"))
    for target in (["--database", str(folder / "detectors.vigiedb")], []):
        r = subprocess.run([vigie_bin, "scan", "--format", "jsonl", "--kinds", "FR_NIR", *target,
                            path], capture_output=True, env=env, preexec_fn=limit_file_size,
                           timeout=300)
        assert r.returncode == 1, r.stderr
        assert [x["kind"] for x in jsonl(r.stdout) if x["type"] == "finding"] == ["FR_NIR"]
        assert b"cannot" in r.stderr
    assert list(folder.iterdir()) == []
    assert no_partial_files(tmp_path) == []
    assert not any(p.is_file() for p in (tmp_path / "cache").rglob("*"))


def test_file_that_vanishes_while_scanning(vigie_bin, run, database_dir, tmp_path):
    run("scan", "-", stdin=b"")
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "a_big.csv").write_bytes(RECORD * 250_000)  # about 20 MB: seconds to scan
    (folder / "b_gone.txt").write_bytes(RECORD)
    (folder / "c_kept.txt").write_bytes(RECORD)
    proc = subprocess.Popen([vigie_bin, "scan", "-j", "1", "--format", "jsonl",
                             *database_args(database_dir), folder],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    # The first finding is written once the inputs are listed and the first
    # file is being scanned: the second then vanishes.
    first = proc.stdout.readline()
    (folder / "b_gone.txt").unlink()
    rest, stderr = proc.stdout.read(), proc.stderr.read()
    proc.wait(timeout=300)
    records = jsonl(first + rest)
    errors = [r for r in records if r["type"] == "error"]
    assert [e["path"] for e in errors] == [str(folder / "b_gone.txt")]
    assert "No such file or directory" in errors[0]["message"]
    files = [r["path"] for r in records if r["type"] == "file"]
    assert files == [str(folder / "a_big.csv"), str(folder / "c_kept.txt")]
    assert proc.returncode == 2
    assert stderr.decode().count("\n") == 1 and "b_gone.txt" in stderr.decode()
