# SPDX-License-Identifier: Apache-2.0
"""`vigie report`: the assessment of the bundled sample and of generated
exports, checked against counts made here with Python's csv module (rows,
fill rates, distinct identifiers, people); its JSON against the schema in
docs/; its three formats against each other; the severity and the
recommendation under given circumstances; the estimate past the exact
count; errors, standard input and atomic writes."""
import csv
import io
import json
import random
import re
import shutil
import subprocess
from pathlib import Path

import jsonschema
import pytest

from conftest import REPO
from test_no_value_leaks import nir

SCHEMA = json.loads((REPO / "docs" / "report.schema.json").read_text(encoding="utf-8"))


def report(run, *args, fmt="json", **kw):
    result = run("report", "--format", fmt, *args, **kw)
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    if fmt != "json":
        return result.stdout.decode("utf-8")
    data = json.loads(result.stdout)
    jsonschema.Draft202012Validator(SCHEMA).validate(data)
    return data


def sample_table(sample_dir):
    with open(sample_dir / "patients_labo.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f, delimiter=";"))
    return rows[0], rows[1:]


def digits(value: str) -> str:
    return re.sub(r"\D", "", value)


def test_schema_is_a_valid_schema():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_sample_counts_match_the_csv(run, sample_dir):
    header, rows = sample_table(sample_dir)
    data = report(run, sample_dir / "patients_labo.csv")
    assert data["inputs"]["files"] == 1
    assert data["inputs"]["records"] == len(rows)
    assert data["inputs"]["record_units"] == {"row": len(rows)}
    (f,) = data["files"]
    assert f["layout"] == "delimited" and f["delimiter"] == ";" and f["header"] is True
    # Every column, its name and fill rate, as Python's csv module reads them.
    assert [c["name"] for c in f["columns"]] == header
    for i, column in enumerate(f["columns"]):
        filled = sum(1 for r in rows if i < len(r) and r[i] != "")
        assert column["filled"] == filled, column["name"]
        assert column["fill_rate"] == pytest.approx(filled / len(rows), abs=1e-4)
    kinds = {c["name"]: [k["kind"] for k in c["kinds"]] for c in f["columns"]}
    assert kinds["num_secu"][0] == "FR_NIR"
    assert kinds["email"][0] == "EMAIL_ADDRESS"
    assert kinds["telephone"][0] == "PHONE_NUMBER"
    assert kinds["date_naissance"][0] == "DATE_OF_BIRTH"
    assert "PERSON" in kinds["nom"] and "PERSON" in kinds["prenom"]
    # Distinct identifiers, counted here from the cells.
    ids = {i["kind"]: i["distinct"] for i in data["people"]["identifiers"]}
    col = {name: i for i, name in enumerate(header)}
    assert ids["FR_NIR"] == len({digits(r[col["num_secu"]]).upper() for r in rows})
    assert ids["EMAIL_ADDRESS"] == len({r[col["email"]].lower() for r in rows})
    assert ids["PHONE_NUMBER"] == len({digits(r[col["telephone"]])[-9:] for r in rows})
    # One person per patient: each row holds a NIR, and no NIR repeats.
    assert data["people"]["persons"] == {"count": len(rows), "exact": True,
                                         "exact_limit": 10_000_000}
    # Every row gives a blood group: every row reveals health.
    assert data["special"]["health"] == {"records": len(rows), "persons": len(rows)}
    assert data["special"]["nir"]["records"] == len(rows)
    comments = [r[col["commentaire"]].lower() for r in rows]
    topics = {t["topic"]: t["records"] for t in data["special"]["topics"]}
    assert topics["hiv"] == sum("vih" in c for c in comments)
    assert topics["hiv"] > 0 and topics["sexual_health"] >= topics["hiv"]
    assert topics["pregnancy"] >= sum("grossesse" in c for c in comments) > 0
    assert data["severity"]["level"] == "very_high"
    assert data["severity"]["dpc"]["score"] == 4 and data["severity"]["ei"]["score"] == 1.0
    assert data["recommendation"]["notify_authority"] and data["recommendation"]["inform_people"]


def test_a_letter_is_counted_in_paragraphs(run, sample_dir):
    data = report(run, sample_dir / "compte_rendu.txt")
    (f,) = data["files"]
    assert f["layout"] == "text" and f["record_unit"] == "paragraph"
    text = (sample_dir / "compte_rendu.txt").read_text(encoding="utf-8")
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    assert f["records"] == len(paragraphs)
    # The results paragraph belongs to the patient of the paragraph before.
    assert data["special"]["health"]["persons"] == 1
    assert {t["topic"]: t["persons"] for t in data["special"]["topics"]}["pregnancy"] == 1


def generated_people(seed: int, people: int):
    """An export where each person has 1 to 3 rows holding different
    identifiers (NIR and e-mail; e-mail and phone; phone alone), and pairs of
    people share a household phone: the rows join into `people` persons."""
    rng = random.Random(seed)
    rows = []
    for p in range(people):
        n, mail = nir(rng), f"personne{p}@example.org"
        phone = f"06 {p // 10000 % 100:02d} {p // 100 % 100:02d} {p % 100:02d} {rng.randint(10, 99)}"
        household = f"01 {p // 2 // 10000 % 100:02d} {p // 2 // 100 % 100:02d} {p // 2 % 100:02d} 00"
        rows.append([n, mail, "", household, "bilan"])
        if rng.random() < 0.7:
            rows.append(["", mail, phone, "", "contrôle"])
            if rng.random() < 0.5:
                rows.append(["", "", phone, "", "rappel"])
    rng.shuffle(rows)
    out = io.StringIO()
    w = csv.writer(out, delimiter=";", lineterminator="\n")
    w.writerow(["num_secu", "email", "telephone", "telephone_domicile", "note"])
    w.writerows(rows)
    return out.getvalue(), len(rows)


def test_people_are_joined_across_records(run, tmp_path):
    text, n_rows = generated_people(7, 300)
    path = tmp_path / "export.csv"
    path.write_text(text, encoding="utf-8")
    data = report(run, path)
    assert data["inputs"]["records"] == n_rows
    assert data["people"]["persons"]["count"] == 300
    ids = {i["kind"]: i["distinct"] for i in data["people"]["identifiers"]}
    assert ids["FR_NIR"] == 300 and ids["EMAIL_ADDRESS"] == 300


def test_past_the_exact_limit_people_are_estimated(run, tmp_path):
    text, _ = generated_people(8, 3000)
    path = tmp_path / "export.csv"
    path.write_text(text, encoding="utf-8")
    data = report(run, "--exact-limit", "2000", path)
    persons = data["people"]["persons"]
    assert persons["exact"] is False
    # The truth lies within the stated bounds, and so does the estimate.
    assert persons["lower_bound"] <= 3000 * 1.03 and persons["upper_bound"] >= 3000
    assert persons["lower_bound"] <= persons["count"] <= persons["upper_bound"]
    assert abs(persons["count"] - 3000) <= 3000 * 0.3, persons
    for ids in data["people"]["identifiers"]:
        assert ids["exact"] is False and ids["relative_error"] == pytest.approx(0.0081, abs=1e-4)
    nirs = next(i for i in data["people"]["identifiers"] if i["kind"] == "FR_NIR")
    assert abs(nirs["distinct"] - 3000) <= 3000 * 0.04, nirs


def test_severity_follows_the_data_and_the_circumstances(run, tmp_path):
    contacts = tmp_path / "contacts.csv"
    contacts.write_text("email\n" + "".join(f"client{i}@example.org\n" for i in range(20)),
                        encoding="utf-8")
    data = report(run, contacts)
    sev = data["severity"]
    assert (sev["dpc"]["score"], sev["ei"]["score"], sev["cb"]["score"]) == (1, 0.5, 0.0)
    assert sev["level"] == "low" and not data["recommendation"]["notify_authority"]
    # Published by an attacker: + 0.5 + 0.5.
    data = report(run, "--confidentiality", "unknown", "--malicious", contacts)
    assert data["severity"]["score"] == pytest.approx(1.5)
    assert data["severity"]["cb"] == {"score": 1.0, "confidentiality": "unknown",
                                      "confidentiality_score": 0.5, "malicious": True,
                                      "malicious_score": 0.5}
    codes = [r["code"] for r in data["recommendation"]["reasons"]]
    assert "circumstances_not_given" not in codes
    empty = tmp_path / "empty.txt"
    empty.write_text("rien à signaler\n", encoding="utf-8")
    data = report(run, empty)
    assert data["severity"]["level"] == "none" and data["people"]["persons"]["count"] == 0
    assert not data["recommendation"]["notify_authority"]


def test_formats_say_the_same(run, sample_dir):
    data = report(run, sample_dir)
    persons = str(data["people"]["persons"]["count"])
    health = str(data["special"]["health"]["records"])
    for lang, level in (("fr", "très élevée"), ("en", "very high")):
        for fmt in ("md", "html"):
            text = report(run, "--lang", lang, sample_dir, fmt=fmt)
            assert level in text, (lang, fmt)
            assert persons in text and health in text
            assert ("CNIL" in text) and ("72" in text)
    md = report(run, "--lang", "en", sample_dir, fmt="md")
    assert "| Blood group |" in md and "## Columns of" in md


def test_errors_are_listed_and_the_report_is_written(run, tmp_path, sample_dir):
    out = tmp_path / "r.json"
    result = run("report", "-o", out, sample_dir / "compte_rendu.txt", tmp_path / "absent.csv")
    assert result.returncode == 2
    assert b"absent.csv" in result.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [e["path"] for e in data["inputs"]["errors"]] == [str(tmp_path / "absent.csv")]
    assert data["inputs"]["files"] == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.json"]  # nothing left aside


def test_an_unwritable_destination_fails_before_reading(run, tmp_path, sample_dir):
    result = run("report", "-o", tmp_path / "no" / "such" / "dir" / "r.html", sample_dir)
    assert result.returncode == 2 and b"cannot write" in result.stderr


def test_the_format_follows_the_extension(run, tmp_path, sample_dir):
    for name, start in (("r.html", "<!DOCTYPE html>"), ("r.md", "# "), ("r.json", "{")):
        assert run("report", "-o", tmp_path / name, sample_dir).returncode == 0
        assert (tmp_path / name).read_text(encoding="utf-8").startswith(start)


def test_standard_input_is_read(run, sample_dir):
    data = report(run, stdin=(sample_dir / "patients_labo.csv").read_bytes())
    assert data["files"][0]["path"] == "-" and data["inputs"]["records"] == 40


def test_mental_health_and_disability_are_shown_apart(run, tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("Patient : Paul DURAND, NIR 1 85 05 75 123 456 73.\n"
                    "Suivi pour une dépression sévère, dossier MDPH en cours.\n\n"
                    "Patiente : Marie MARTIN, NIR 2 84 08 31 555 430 14.\n"
                    "Bilan sanguin normal, diabète de type 2.\n", encoding="utf-8")
    data = report(run, path)
    topics = {t["topic"]: (t["records"], t["persons"]) for t in data["special"]["topics"]}
    assert topics["mental_health"] == (1, 1) and topics["disability"] == (1, 1)
    assert data["special"]["health"]["persons"] == 2


def test_json_records_are_its_objects(run, tmp_path):
    # JSON Lines: a record per line; a document: a record per item of its
    # top-level list, however many lines each item is written on.
    items = [{"id": i, "email": f"p{i}@example.org", "contact": {"tel": f"06123450{i:02d}"}}
             for i in range(25)]
    lines = tmp_path / "export.jsonl"
    lines.write_text("\n".join(json.dumps(i) for i in items) + "\n", encoding="utf-8")
    document = tmp_path / "export.json"
    document.write_text(json.dumps(items, indent=2), encoding="utf-8")
    assert document.read_text().count("\n") > 100
    for path in (lines, document):
        data = report(run, path)
        assert data["files"][0]["layout"] == "json"
        assert data["files"][0]["record_unit"] == "object" and data["inputs"]["records"] == 25
        assert data["people"]["persons"]["count"] == 25


def test_hostile_column_names_are_escaped(run, tmp_path):
    path = tmp_path / "x.csv"
    path.write_text('"<script>alert(1)</script>";"a&b <img src=x onerror=y>"\n'
                    "marie.martin@example.org;06 12 34 56 78\n"
                    "paul.durand@example.org;06 98 76 54 32\n", encoding="utf-8")
    html = report(run, path, fmt="html")
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    md = report(run, path, fmt="md")
    assert "<script>alert(1)</script>" in md  # Markdown shows the name as written


def test_the_page_is_self_contained(run, sample_dir):
    html = report(run, sample_dir, fmt="html")
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
    assert "default-src 'none'" in csp and "script-src" not in csp
    assert "<script" not in html and "<link" not in html and "@import" not in html
    assert not re.search(r'(src|href)="(https?:)?//', html)
    # The style block is allowed by its hash, and only it.
    import base64
    import hashlib
    style = re.search(r"<style>(.*?)</style>", html, re.S).group(1)
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    assert f"'sha256-{digest}'" in csp


def test_a_progress_line_on_a_terminal_only(run, vigie_bin, database_dir, tmp_path, sample_dir):
    export = tmp_path / "export.csv"
    rows = (sample_dir / "patients_labo.csv").read_text(encoding="utf-8").splitlines()
    export.write_text("\n".join([rows[0]] + rows[1:] * 150) + "\n", encoding="utf-8")
    quiet = run("report", "-o", tmp_path / "q.html", export)
    assert b"\r" not in quiet.stderr and b"MB/s" not in quiet.stderr
    # script(1) gives the program a terminal for its standard error.
    assert shutil.which("script"), "script(1) from util-linux"
    command = " ".join([vigie_bin, "report", "-j", "1", "--database",
                        str(database_dir / "all.vigiedb"), "-o", str(tmp_path / "t.html"),
                        str(export)])
    shown = subprocess.run(["script", "-qec", command, "/dev/null"], capture_output=True,
                           timeout=300)
    assert shown.returncode == 0, shown.stdout
    assert re.search(rb"\rvigie: [0-9.]+ MB of [0-9.]+ MB, [0-9.]+ MB/s", shown.stdout), shown.stdout
