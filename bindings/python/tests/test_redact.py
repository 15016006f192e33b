# SPDX-License-Identifier: Apache-2.0
"""Redaction from Python: policies, each action, streams, reveal, TOML."""
import csv
import io
import threading

import pytest

import vigie
from conftest import REPO

KEY = "a redaction key of more than sixteen bytes"
LETTER = ("Mme Hélène Garnier, NIR 2 87 03 56 260 117 30, tél. 06 71 84 29 53, "
          "helene.garnier@orange.fr. Sérologie VIH négative.\n")


def test_default_policy_masks_and_tags(scanner):
    out = scanner.redact(LETTER)
    assert isinstance(out, str)
    assert out.startswith("Mme ****** *******, NIR * ** ** ** *** *** **, tél. ** ** ** ** **, ")
    assert "<HEALTH_SEXUAL>" in out and "Garnier" not in out and "orange" not in out
    as_bytes = scanner.redact(LETTER.encode())
    assert isinstance(as_bytes, bytes) and as_bytes.decode() == out


def test_each_action(scanner):
    def run(**kw):
        return scanner.redact(LETTER, vigie.RedactionPolicy(key=KEY, **kw))
    tokens = run(identity="token", contact="token")
    assert "NIR FR_NIR_" in tokens and "PHONE_NUMBER_" in tokens
    assert tokens == run(identity="token", contact="token")
    assert tokens != scanner.redact(LETTER, vigie.RedactionPolicy(
        identity="token", contact="token", key="another key, sixteen bytes"))
    fake = run(identity="surrogate", contact="surrogate")
    nir = fake.split("NIR ")[1][:21]
    assert vigie.validate.nir(nir).valid and nir[:7] == "2 87 03" and nir != "2 87 03 56 260 117 30"
    assert "06 39 98 " in fake and "@example." in fake
    tagged = run(kinds={"PERSON": vigie.Action("tag", tag="[{category}]")})
    assert tagged.startswith("Mme [identity], NIR")
    kept = run(kinds={"PHONE_NUMBER": vigie.Action("mask", mask_char="#", keep_last=2)})
    assert "tél. ## ## ## ## 53" in kept
    general = run(kinds={"FR_NIR": "generalize"}, reference_year=2026)
    assert "NIR F 1987," in general
    sealed = run(identity="encrypt", contact="encrypt", health="encrypt")
    assert "ENC:FR_NIR:" in sealed
    assert vigie.reveal(sealed, KEY) == LETTER
    with pytest.raises(ValueError, match="did not decrypt"):
        vigie.reveal(sealed, "a wrong key of sixteen bytes")
    assert vigie.reveal(sealed, "a wrong key of sixteen bytes", strict=False) == sealed


def test_policies_that_cannot_run_are_refused(scanner, monkeypatch):
    monkeypatch.delenv("VIGIE_KEY", raising=False)
    with pytest.raises(ValueError, match="need a key"):
        scanner.redactor(vigie.RedactionPolicy(identity="token"))
    monkeypatch.setenv("VIGIE_KEY", KEY)
    assert "FR_NIR_" in scanner.redact(LETTER, vigie.RedactionPolicy(identity="token"))
    with pytest.raises(ValueError, match="no surrogate for HEALTH_"):
        scanner.redactor(vigie.RedactionPolicy(health="surrogate"))
    with pytest.raises(ValueError, match="unknown action"):
        vigie.Action("erase")


def test_streams_redact_as_whole_texts(scanner):
    sample = (REPO / "examples" / "data" / "patients_labo.csv").read_text(encoding="utf-8")
    redactor = scanner.redactor(vigie.RedactionPolicy(identity="surrogate", contact="surrogate",
                                                      key=KEY))
    whole, report = redactor.redact_with_report(sample)
    assert report["FR_NIR"] == {"surrogate": 40}
    for size in (1, 13, 4096):
        stream = redactor.open_stream()
        pieces = [stream.write(sample[i:i + size]) for i in range(0, len(sample), size)]
        pieces.append(stream.finish())
        assert all(isinstance(p, str) for p in pieces)
        assert "".join(pieces) == whole
        assert stream.report == report
    rows = list(csv.reader(io.StringIO(whole), delimiter=";"))
    assert [len(r) for r in rows] == [13] * len(rows)


def test_threads_share_a_redactor(scanner):
    redactor = scanner.redactor(vigie.RedactionPolicy(identity="token", contact="token", key=KEY))
    expected = redactor.redact(LETTER)
    results = []

    def work():
        results.extend(redactor.redact(LETTER) for _ in range(50))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [expected] * 200


def test_policy_from_toml(scanner, tmp_path):
    path = tmp_path / "policy.toml"
    path.write_text('min_score = 0.6\n[categories.identity]\naction = "token"\n'
                    '[kinds.PHONE_NUMBER]\naction = "mask"\nkeep_last = 2\n')
    policy = vigie.RedactionPolicy.from_toml(path, key=KEY)
    assert policy.min_score == 0.6 and policy.kinds["PHONE_NUMBER"].keep_last == 2
    out = scanner.redact(LETTER, policy)
    assert "FR_NIR_" in out and "** ** ** ** 53" in out
    path.write_text("[kinds.FR_NIR]\nacton = 'mask'\n")
    with pytest.raises(TypeError):
        vigie.RedactionPolicy.from_toml(path)
