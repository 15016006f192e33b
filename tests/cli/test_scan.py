# SPDX-License-Identifier: Apache-2.0
"""`vigie scan` run on real files: outputs, exit statuses and bad input."""
import json
import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def jsonl(stdout: bytes) -> list[dict]:
    return [json.loads(line) for line in stdout.decode().splitlines()]


def test_sample_jsonl_has_kinds_offsets_and_masked_values(run, sample_dir):
    path = sample_dir / "patients_labo.csv"
    data = path.read_bytes()
    r = run("scan", "--format", "jsonl", path)
    assert r.returncode == 1, r.stderr
    records = jsonl(r.stdout)
    findings = [x for x in records if x["type"] == "finding"]
    summary = records[-1]
    assert summary["type"] == "summary"
    rows = data.count(b"\n") - 1
    for kind in ("DATE_OF_BIRTH", "EMAIL_ADDRESS", "FR_NIR", "PHONE_NUMBER", "FR_POSTAL_ADDRESS"):
        assert summary["by_kind"][kind] == rows, kind
    assert any(kind.startswith("HEALTH_") for kind in summary["by_kind"])
    assert summary["findings"] == len(findings) == sum(summary["by_kind"].values())
    for f in findings:
        assert set(f) >= {"path", "kind", "category", "start", "end", "line", "column", "score"}
        assert "value" not in f
        raw = data[f["start"]:f["end"]]
        assert b"\n" not in raw
        # only an address spans cells: its street, postcode and commune
        assert b";" not in raw or f["kind"] == "FR_POSTAL_ADDRESS"
        # the byte offsets point at the value: line and column agree with them
        line_start = data.rfind(b"\n", 0, f["start"]) + 1
        assert data[:f["start"]].count(b"\n") + 1 == f["line"]
        assert len(data[line_start:f["start"]].decode()) + 1 == f["column"]
        # masked: the raw digits or letters never appear
        assert f["masked_value"].count("*") >= len(f["masked_value"]) // 2
        if f["kind"] == "EMAIL_ADDRESS":
            assert raw.decode() not in r.stdout.decode()
            assert f["category"] == "contact"
        if f["kind"] == "FR_NIR":
            assert f["category"] == "identity"
            assert f["score"] >= 0.9


def test_jsonl_scores_are_written_in_their_shortest_form(run, sample_dir):
    # Four decimals at most, ".0" for a whole number: the text Python's
    # json module writes for the same double.
    r = run("scan", "--format", "jsonl", "--min-score", "0", sample_dir)
    scores = set()
    for line in r.stdout.decode().splitlines():
        record = json.loads(line)
        if record["type"] != "finding":
            continue
        text = line.split('"score":', 1)[1].split(",", 1)[0]
        assert text == json.dumps(record["score"]), line
        assert record["score"] == round(record["score"], 4)
        scores.add(text)
    assert "1.0" in scores or any(len(s) > 3 for s in scores)
    assert len(scores) > 5


def test_show_values_prints_normalized_values(run, sample_dir):
    r = run("scan", "--format", "jsonl", "--show-values", "--kinds", "FR_NIR",
            sample_dir / "patients_labo.csv")
    assert r.returncode == 1
    findings = [x for x in jsonl(r.stdout) if x["type"] == "finding"]
    assert findings and all(len(f["value"]) == 15 for f in findings)
    assert {f["kind"] for f in findings} == {"FR_NIR"}


def test_text_report_is_readable_and_masked(run, sample_dir):
    r = run("scan", sample_dir)
    assert r.returncode == 1
    out = r.stdout.decode()
    assert "patients_labo.csv" in out and "compte_rendu.txt" in out
    assert "Scanned 2 files" in out
    assert "helene.garnier@example.org" not in out
    assert "Values are masked" in out


def test_stdin_and_dash(run):
    text = "Tél : 06 12 34 56 78\n".encode()
    for args in (("scan", "--format", "jsonl"), ("scan", "--format", "jsonl", "-")):
        r = run(*args, stdin=text)
        assert r.returncode == 1
        findings = [x for x in jsonl(r.stdout) if x["type"] == "finding"]
        assert len(findings) == 1
        assert findings[0]["path"] == "-"
        assert text[findings[0]["start"]:findings[0]["end"]] == b"06 12 34 56 78"


def test_nothing_found_exits_zero(run, tmp_path):
    p = tmp_path / "clean.txt"
    p.write_text("Rien à signaler ici.\n")
    r = run("scan", p)
    assert r.returncode == 0
    assert r.stderr == b""


def test_empty_file(run, tmp_path):
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    r = run("scan", "--format", "jsonl", p)
    assert r.returncode == 0
    summary = jsonl(r.stdout)[-1]
    assert summary["files"] == 1 and summary["bytes"] == 0 and summary["findings"] == 0


def test_invalid_utf8_and_nul_bytes_are_scanned_around(run, tmp_path):
    # A NUL byte makes the file binary: skipped, unless --binary.
    p = tmp_path / "binary.bin"
    payload = b"\xff\xff\x00\x00NIR \xc3 185057512345673\x00\x80 mail x.y@example.org \xe2\x82"
    p.write_bytes(payload)
    skipped = run("scan", "--format", "jsonl", p)
    assert skipped.returncode == 0 and jsonl(skipped.stdout)[0]["type"] == "skipped"
    r = run("scan", "--format", "jsonl", "--show-values", "--binary", p)
    assert r.returncode == 1, r.stderr
    findings = [x for x in jsonl(r.stdout) if x["type"] == "finding"]
    assert [f["kind"] for f in findings] == ["FR_NIR", "EMAIL_ADDRESS"]
    assert payload[findings[0]["start"]:findings[0]["end"]] == b"185057512345673"


def test_unreadable_path_is_an_error_that_does_not_stop_others(run, tmp_path, sample_dir):
    missing = tmp_path / "missing.txt"
    r = run("scan", "--format", "jsonl", missing, sample_dir / "compte_rendu.txt")
    assert r.returncode == 2
    records = jsonl(r.stdout)
    errors = [x for x in records if x["type"] == "error"]
    assert len(errors) == 1 and errors[0]["path"] == str(missing)
    assert "No such file" in errors[0]["message"]
    assert any(x["type"] == "finding" for x in records)
    assert b"missing.txt" in r.stderr
    assert records[-1]["errors"] == 1


def test_unreadable_file_permission(run, tmp_path):
    if os.geteuid() == 0:
        # root reads any file: the permission case is covered by a missing
        # path above and by a dangling link here.
        link = tmp_path / "dangling"
        link.symlink_to(tmp_path / "nowhere")
        r = run("scan", link)
    else:
        p = tmp_path / "secret.txt"
        p.write_text("x")
        p.chmod(0)
        r = run("scan", p)
    assert r.returncode == 2
    assert r.stderr.startswith(b"vigie: ")


def test_directory_is_walked_in_name_order(run, tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("tel 06 12 34 56 78\n")
    (tmp_path / "a.txt").write_text("mail a@example.org\n")
    (tmp_path / "c.txt").write_text("rien\n")
    r = run("scan", "--format", "jsonl", tmp_path)
    assert r.returncode == 1
    records = jsonl(r.stdout)
    paths = [Path(x["path"]).name for x in records if x["type"] == "finding"]
    assert paths == ["a.txt", "z.txt"]
    assert records[-1]["files"] == 3


def test_large_file_streamed_or_in_parts(run, tmp_path):
    # 16 MiB with a NIR at the very end, past many read chunks: streamed
    # with -j 1 (test_hostile_input.py measures a stream's memory), cut into
    # parts with -j 2.
    p = tmp_path / "big.txt"
    with p.open("wb") as f:
        line = b"Ligne de texte ordinaire sans donnee personnelle, rien a voir.\n"
        f.write(line * (16 * 1024 * 1024 // len(line)))
        f.write(b"NIR : 2 84 05 2A 321 025 52\n")
    size = p.stat().st_size
    for jobs in ("1", "2"):
        r = run("scan", "-j", jobs, "--format", "jsonl", p)
        assert r.returncode == 1
        records = jsonl(r.stdout)
        findings = [x for x in records if x["type"] == "finding"]
        assert len(findings) == 1, jobs
        assert findings[0]["start"] == size - len(b"2 84 05 2A 321 025 52\n")
        assert findings[0]["line"] == 16 * 1024 * 1024 // len(line) + 1
        file = [x for x in records if x["type"] == "file"][0]
        assert file["bytes"] == size and file["lines"] == findings[0]["line"]


def test_jobs_cut_a_large_file_into_parts_with_the_findings_of_one_job(run, tmp_path):
    # Files shaped like users' data: a lab export whose header names the
    # columns and clinical notes, of several megabytes (several parts per
    # job), and the bundled sample repeated to 0.7 MB (a part per job).
    # Every finding, its line, column, score and value, and the file's
    # health verdict are those of -j 1.
    inputs = REPO / "tests" / "data" / "golden" / "inputs"
    header, rows = (inputs / "leak_export.csv").read_bytes().split(b"\n", 1)
    (tmp_path / "export.csv").write_bytes(header + b"\n" + rows * 50)
    (tmp_path / "notes.txt").write_bytes((inputs / "clinical_notes.txt").read_bytes() * 50)
    sample = (REPO / "examples" / "data" / "patients_labo.csv").read_bytes()
    (tmp_path / "sample.csv").write_bytes(sample * 100)
    for name in ("export.csv", "notes.txt", "sample.csv"):
        path = tmp_path / name
        assert path.stat().st_size > 2 * 256 * 1024  # at least one part per job
        outputs = {}
        for jobs in ("1", "2"):
            r = run("scan", "-j", jobs, "--format", "jsonl", "--show-values", "--min-score", "0",
                    path)
            assert r.returncode == 1, r.stderr
            outputs[jobs] = [x for x in jsonl(r.stdout) if x["type"] != "summary"]
        assert len(outputs["1"]) > 10000, name
        assert outputs["2"] == outputs["1"], name


def test_huge_line(run, tmp_path):
    p = tmp_path / "oneline.txt"
    p.write_bytes(b"x " * 3_000_000 + b"tel 06 12 34 56 78" + b" y" * 1000)
    r = run("scan", "--format", "jsonl", p)
    assert r.returncode == 1
    f = [x for x in jsonl(r.stdout) if x["type"] == "finding"][0]
    assert f["line"] == 1 and f["column"] == 6_000_005


def test_bad_options_exit_two(run, sample_dir):
    assert run("scan", "--format", "xml", sample_dir).returncode == 2
    assert run("scan", "--min-score", "3", sample_dir).returncode == 2
    r = run("scan", "--kinds", "NOT_A_KIND", sample_dir)
    assert r.returncode == 2
    assert b"unknown kind" in r.stderr
    assert run("frobnicate").returncode == 2


def test_layout_and_delimiter_options_and_tab_separated_files(run, tmp_path):
    # A family name alone is a name only in a column named so: the layout
    # decides whether the header gives that context.
    def kinds(*args):
        out = run("scan", "--format", "jsonl", *args)
        return [(x["kind"], x["start"]) for x in jsonl(out.stdout) if x["type"] == "finding"]

    tsv = tmp_path / "patients.tsv"
    tsv.write_text("nom\ttelephone\nGARNIER\t06 12 34 56 78\nMERCIER\t06 98 76 54 32\n",
                   encoding="utf-8")
    both = [("PERSON", 14), ("PHONE_NUMBER", 22), ("PERSON", 37), ("PHONE_NUMBER", 45)]
    assert kinds(tsv) == both  # tab-separated, recognized
    assert kinds("--layout", "delimited", tsv) == both
    assert kinds("--layout", "text", tsv) == [("PHONE_NUMBER", 22), ("PHONE_NUMBER", 45)]
    # Records of unequal length are no table to the guess; --delimiter says
    # they are.
    csv = tmp_path / "ragged.csv"
    csv.write_text("nom;telephone\nGARNIER;06 12 34 56 78;x\n", encoding="utf-8")
    assert kinds(csv) == [("PHONE_NUMBER", 22)]
    assert kinds("--delimiter", ";", csv) == [("PERSON", 14), ("PHONE_NUMBER", 22)]


def test_min_score_and_kinds_filter(run, sample_dir):
    r = run("scan", "--format", "jsonl", "--kinds", "PHONE_NUMBER,EMAIL_ADDRESS",
            sample_dir / "compte_rendu.txt")
    kinds = {x["kind"] for x in jsonl(r.stdout) if x["type"] == "finding"}
    assert kinds == {"PHONE_NUMBER", "EMAIL_ADDRESS"}
    r = run("scan", "--format", "jsonl", "--min-score", "0.9", sample_dir / "compte_rendu.txt")
    scores = [x["score"] for x in jsonl(r.stdout) if x["type"] == "finding"]
    assert scores and min(scores) >= 0.9


def test_sarif_is_valid_and_carries_no_values(run, sample_dir):
    r = run("scan", "--format", "sarif", sample_dir / "compte_rendu.txt", cwd=sample_dir.parent)
    assert r.returncode == 1
    log = json.loads(r.stdout)
    assert log["version"] == "2.1.0"
    run0 = log["runs"][0]
    rules = [x["id"] for x in run0["tool"]["driver"]["rules"]]
    assert {"DATE_OF_BIRTH", "EMAIL_ADDRESS", "FR_NIR", "PHONE_NUMBER"} <= set(rules)
    assert len(set(rules)) == len(rules)
    jsonl_run = run("scan", "--format", "jsonl", sample_dir / "compte_rendu.txt")
    assert len(run0["results"]) == jsonl(jsonl_run.stdout)[-1]["findings"]
    for res in run0["results"]:
        loc = res["locations"][0]["physicalLocation"]
        assert not loc["artifactLocation"]["uri"].startswith("/")
        assert loc["region"]["startLine"] >= 1 and loc["region"]["startColumn"] >= 1
        assert rules[res["ruleIndex"]] == res["ruleId"]
        assert len(res["partialFingerprints"]["valueHmacSha256/v1"]) == 64
    text = r.stdout.decode()
    for secret in ("helene.garnier@example.org", "2870356260117", "+33639984127"):
        assert secret not in text


def test_sarif_fingerprints_are_stable_with_a_key(run, sample_dir, monkeypatch):
    monkeypatch.setenv("VIGIE_FINGERPRINT_KEY", "k1")
    a = json.loads(run("scan", "--format", "sarif", sample_dir / "compte_rendu.txt").stdout)
    b = json.loads(run("scan", "--format", "sarif", sample_dir / "compte_rendu.txt").stdout)
    fa = [x["partialFingerprints"] for x in a["runs"][0]["results"]]
    fb = [x["partialFingerprints"] for x in b["runs"][0]["results"]]
    assert fa == fb and len(fa) > 5
    # Another key, or none (a random key per run), gives other fingerprints.
    monkeypatch.setenv("VIGIE_FINGERPRINT_KEY", "k2")
    c = json.loads(run("scan", "--format", "sarif", sample_dir / "compte_rendu.txt").stdout)
    fc = [x["partialFingerprints"] for x in c["runs"][0]["results"]]
    assert len(fc) == len(fa) and all(x != y for x, y in zip(fa, fc))
    monkeypatch.delenv("VIGIE_FINGERPRINT_KEY")
    unkeyed = [[x["partialFingerprints"] for x in json.loads(
        run("scan", "--format", "sarif", sample_dir / "compte_rendu.txt").stdout)["runs"][0]["results"]]
        for _ in range(2)]
    assert all(x != y for x, y in zip(*unkeyed)) and all(x != y for x, y in zip(fa, unkeyed[0]))


def test_version(run):
    r = run("--version")
    assert r.returncode == 0
    assert r.stdout.startswith(b"vigie 0.")


def test_validate_prints_one_verdict_per_value(run):
    r = run("validate", "nir", "2 84 05 2A 321 025 52", "2 84 05 2A 321 025 53")
    assert r.returncode == 1
    good, bad = jsonl(r.stdout)
    assert good["valid"] and good["department"] == "2A" and good["form"] == "permanent"
    assert not bad["valid"] and bad["reason"] == "key does not match"
    r = run("validate", "iban", stdin=b"FR7630006000011234567890189\nDE89370400440532013000\n")
    assert r.returncode == 0
    assert [x["country"] for x in jsonl(r.stdout)] == ["FR", "DE"]
    assert run("validate", "nope", "x").returncode == 2


def test_validate_parses_addresses_and_names(run):
    r = run("validate", "address", "AV ALEXIS BLAISE BP 6006 97306 CAYENNE CEDEX",
            "12 rue des Lilas, 56000 Lyon")
    assert r.returncode == 1
    cedex, wrong = jsonl(r.stdout)
    assert cedex["valid"] and cedex["cedex"] and cedex["commune"] == "Cayenne"
    assert cedex["complement"] == "BP 6006" and cedex["has_locality"]
    assert not wrong["valid"] and wrong["reason"] == "commune does not match the postcode"
    r = run("validate", "name", "Dr Jean-Pierre LE GALL", "Service de Cardiologie")
    name, no_name = jsonl(r.stdout)
    assert name["title"] == "Dr" and name["given"] == "Jean-Pierre" and name["family"] == "LE GALL"
    assert name["sex"] == "M" and name["given_births"] > 100000 and not name["ambiguous"]
    assert not no_name["valid"] and no_name["reason"]


def test_masked_values_hide_every_letter_of_any_script(run, sample_dir):
    r = run("scan", "--format", "jsonl", sample_dir / "compte_rendu.txt")
    masked = [x["masked_value"] for x in jsonl(r.stdout) if x["type"] == "finding"]
    assert masked
    for m in masked:
        assert all(ord(c) < 128 for c in m), m  # no accented or Greek letter left visible
        assert sum(c.isalnum() for c in m) <= 2, m


def test_line_verdict_counts_each_value_once_however_long_the_line(run, tmp_path):
    # Thousands of findings on one line are merged value by value as they
    # come (memory stays bounded): the verdict is that of a short line.
    short, long = tmp_path / "short.txt", tmp_path / "long.txt"
    short.write_text("goutte ; " + "infection ; " * 3 + "\n", encoding="utf-8")
    long.write_text("goutte ; " + "infection ; " * 3000 + "fièvre\n", encoding="utf-8")
    records = {}
    for path in (short, long):
        out = run("scan", "--format", "jsonl", path)
        records[path.name] = next(x for x in jsonl(out.stdout) if x["type"] == "file")
    assert records["long.txt"]["findings"] > 3000
    assert records["long.txt"]["health"]["lines"] == records["short.txt"]["health"]["lines"] == 1
    assert records["long.txt"]["health"]["score"] >= records["short.txt"]["health"]["score"] > 0.9


def test_health_verdict_per_file_and_qualifiers(run, sample_dir, tmp_path):
    note = tmp_path / "note.txt"
    note.write_text("Patiente suivie pour un diabète de type 2.\n"
                    "Pas de tuberculose. Mère asthmatique.\n"
                    "Facture réglée par chèque.\n", encoding="utf-8")
    admin = tmp_path / "admin.txt"
    admin.write_text("Facture réglée par chèque, mutuelle à jour.\n", encoding="utf-8")
    r = run("scan", "--format", "jsonl", note, admin)
    records = jsonl(r.stdout)
    files = {Path(x["path"]).name: x for x in records if x["type"] == "file"}
    assert files["note.txt"]["health"]["reveals"] is True
    assert files["note.txt"]["health"]["score"] >= 0.9
    assert "HEALTH_CONDITION" in files["note.txt"]["health"]["kinds"]
    assert files["note.txt"]["health"]["lines"] == 2 and files["note.txt"]["lines"] == 3
    assert files["admin.txt"]["health"]["reveals"] is False
    assert records[-1]["files_revealing_health"] == 1
    qualifiers = {x["masked_value"]: x.get("qualifiers", []) for x in records
                  if x["type"] == "finding" and x["path"].endswith("note.txt")}
    assert sorted(map(tuple, qualifiers.values())) == [(), ("family",), ("negated",)]
    text = run("scan", note, admin).stdout.decode()
    assert "reveals health data" in text and "in 2 of 3 lines" in text
    assert "no health data revealed" in text or "admin.txt" not in text
    assert "1 file reveals health data" in text
    sarif = json.loads(run("scan", "--format", "sarif", note).stdout)
    run0 = sarif["runs"][0]
    assert run0["artifacts"][0]["properties"]["health"]["reveals"] is True
    assert any(res["properties"].get("qualifiers") == ["negated"] for res in run0["results"])


# A few kinds of each sort (a checksum, the tables, a health lexicon): the
# tests of compiling and loading compile these, not all 30 detectors.
SOME_KINDS = "FR_NIR,PHONE_NUMBER,EMAIL_ADDRESS,PERSON,HEALTH_SEXUAL,HEALTH_PREGNANCY"


def test_database_is_saved_reused_and_rebuilt(run, sample_dir, tmp_path):
    db = tmp_path / "detectors.vigiedb"
    path = sample_dir / "compte_rendu.txt"
    first = run("scan", "--format", "jsonl", "--kinds", SOME_KINDS, "--database", db, path)
    assert first.returncode == 1 and db.stat().st_size > 10_000
    assert list(tmp_path.iterdir()) == [db]  # written aside, then renamed
    again = run("scan", "--format", "jsonl", "--kinds", SOME_KINDS, "--database", db, path)
    assert again.stdout == first.stdout and again.stderr == b""
    plain = run("scan", "--format", "jsonl", "--kinds", SOME_KINDS, path, compile=True)
    assert plain.stdout == first.stdout
    # A database of other detectors is replaced.
    other = run("scan", "--format", "jsonl", "--kinds", "FR_NIR", "--database", db, path)
    assert b"compiling again" in other.stderr and other.returncode == 1
    reused = run("scan", "--format", "jsonl", "--kinds", "FR_NIR", "--database", db, path)
    assert reused.stderr == b"" and reused.stdout == other.stdout
    # A file that holds no database, or a damaged one, is never written over
    # (`--database patients.csv` by mistake): the scan goes on without it.
    saved = db.read_bytes()
    for content in (b"nom;prenom\nDupont;Jean\n", saved[: len(saved) // 2]):
        db.write_bytes(content)
        kept = run("scan", "--format", "jsonl", "--kinds", "FR_NIR", "--database", db, path)
        assert kept.returncode == 1 and kept.stdout == other.stdout
        assert b"left as it is" in kept.stderr, kept.stderr
        assert db.read_bytes() == content
        assert sorted(p.name for p in tmp_path.iterdir()) == [db.name]


def test_addresses_and_names_with_their_components(run, tmp_path):
    path = tmp_path / "lettre.txt"
    path.write_text("médecin traitant : Dr Martin\n"
                    "Mme Hélène Garnier, 12 bis rue des Lilas, 56000 Vannes\n", encoding="utf-8")
    masked = run("scan", "--format", "jsonl", path)
    assert masked.returncode == 1, masked.stderr
    findings = [x for x in jsonl(masked.stdout) if x["type"] == "finding"]
    persons = [f for f in findings if f["kind"] == "PERSON"]
    assert len(persons) == 2
    assert persons[0]["context"] == "HEALTH_PROVIDER"
    assert "context" not in persons[1]
    # components are personal data: only with --show-values
    assert all("components" not in f and "value" not in f for f in findings)
    for secret in ("Garnier", "GARNIER", "Lilas", "LILAS", "Martin", "MARTIN"):
        assert secret not in masked.stdout.decode()

    shown = run("scan", "--format", "jsonl", "--show-values", path)
    by_kind = {}
    for f in jsonl(shown.stdout):
        if f["type"] == "finding":
            by_kind.setdefault(f["kind"], []).append(f)
    assert by_kind["PERSON"][0]["components"] == {"family": "MARTIN"}
    assert by_kind["PERSON"][1]["components"] == {"given": "Hélène", "family": "GARNIER",
                                                  "sex": "F"}
    address = by_kind["FR_POSTAL_ADDRESS"][0]
    assert address["value"] == "12 BIS RUE DES LILAS, 56000 VANNES"
    assert address["components"] == {"number": "12", "number_suffix": "BIS", "street_type": "RUE",
                                     "street_name": "DES LILAS", "postcode": "56000",
                                     "commune": "Vannes"}

    sarif = json.loads(run("scan", "--format", "sarif", "--show-values", path).stdout)
    props = [r["properties"] for r in sarif["runs"][0]["results"]]
    assert {"postcode": "56000"}.items() <= next(p["components"] for p in props
                                                  if "postcode" in p.get("components", {})).items()
    assert any(p.get("context") == "HEALTH_PROVIDER" for p in props)
    plain = run("scan", "--format", "sarif", path).stdout.decode()
    assert "Garnier" not in plain and "components" not in plain


def test_default_cache_is_filled_once_reused_and_repaired(run, sample_dir, tmp_path):
    """Without --database, the compiled detectors go to the cache on the
    first run and are loaded from it afterwards; a damaged cached file is
    compiled again, with a message, and replaced whole."""
    cache = tmp_path / "cache"
    env = {"VIGIE_CACHE_DIR": str(cache)}
    path = sample_dir / "compte_rendu.txt"
    first = run("scan", "--format", "jsonl", "--kinds", SOME_KINDS, "--no-cache", path, env=env)
    assert not cache.exists()  # --no-cache: nothing kept
    cold = run("scan", "--format", "jsonl", "--kinds", "FR_NIR,EMAIL_ADDRESS", path, env=env)
    files = list(cache.iterdir())
    assert cache.stat().st_mode & 0o777 == 0o700  # made by vigie: its user's alone
    assert len(files) == 1 and files[0].name.startswith("detectors-")
    assert files[0].suffix == ".vigiedb" and cold.stderr == b""  # stderr is no terminal
    size = files[0].stat().st_size
    warm = run("scan", "--format", "jsonl", "--kinds", "FR_NIR,EMAIL_ADDRESS", path, env=env)
    assert warm.stdout == cold.stdout and warm.stderr == b""
    assert {json.loads(x)["kind"] for x in cold.stdout.splitlines()[:-2]} == {
        "FR_NIR", "EMAIL_ADDRESS"}
    # Other options, another file beside the first.
    more = run("scan", "--format", "jsonl", "--kinds", SOME_KINDS, path, env=env)
    assert more.stdout == first.stdout and first.returncode == 1
    assert len(list(cache.iterdir())) == 2
    for damaged in (b"not a database", files[0].read_bytes()[:5000]):
        files[0].write_bytes(damaged)
        again = run("scan", "--format", "jsonl", "--kinds", "FR_NIR,EMAIL_ADDRESS", path, env=env)
        assert again.stdout == cold.stdout
        assert b"compiling the detectors again" in again.stderr
        assert files[0].stat().st_size == size
    assert sorted(p.name for p in cache.iterdir() if ".tmp." in p.name) == []
