"""CLI: ``eventwire code`` and ``eventwire eval``, in-process (``main([...])``) and as a
subprocess (``python -m eventwire.cli``), on inputs written for these tests."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

from eventwire.cli import main

ROOT = Path(__file__).resolve().parent.parent
GOOD = "Kenya expelled two Somali diplomats on Friday. The move followed a row over fishing rights.\n"
OTHER = "Lithuania expelled three Belarusian diplomats on Monday.\n"
FRENCH = (
    "Le gouvernement a annoncé lundi l'envoi de nouvelles troupes dans l'est de l'Europe. Selon le "
    "ministre de la Défense, les soldats arriveront en Roumanie avant la fin du mois, et plusieurs pays "
    "voisins devraient suivre cette décision au cours des prochaines semaines, a-t-il ajouté devant "
    "les journalistes réunis à Paris.\n"
)
SPANISH = (
    "El gobierno anunció el martes que enviará más soldados a la frontera norte del país. Según el "
    "ministro de Defensa, las tropas llegarán antes del fin de semana y se quedarán en la región "
    "durante varios meses, mientras continúan las conversaciones con los países vecinos sobre la "
    "seguridad en la zona.\n"
)


@pytest.fixture(scope="module")
def validator():
    schema = json.loads((resources.files("eventwire") / "data" / "record.schema.json").read_text("utf-8"))
    return jsonschema.Draft202012Validator(schema)


def _run(capsys, *argv: str) -> tuple[int, list[dict], list[str]]:
    """main(argv) in-process: exit code, parsed stdout records, stderr lines."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, [json.loads(line) for line in out.splitlines() if line.strip()], err.splitlines()


def _write(folder: Path, name: str, data: str | bytes) -> Path:
    path = folder / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


BAD_FILES = {
    "binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10", "E102"),
    "empty.txt": (b"", "E101"),
    "not_utf8.txt": (b"Police moved into the square on Monday \x81\x8d\x8f\x90\x9d and stayed there.\n", "E103"),
}


def test_cli_code_txt_gives_one_valid_json_line(nlp, capsys, tmp_path, validator):
    path = _write(tmp_path, "article.txt", GOOD)
    code, records, err = _run(capsys, "code", str(path))
    assert (code, len(records), err) == (0, 1, [])
    validator.validate(records[0])
    assert records[0]["article"]["text"].startswith("Kenya expelled")
    assert [e["event_type"] for e in records[0]["events"]] == ["SANCTION"]


def test_cli_published_and_outlet_flow_into_article(nlp, capsys, tmp_path):
    path = _write(tmp_path, "article.txt", GOOD)
    code, records, _ = _run(capsys, "code", str(path), "--published", "2024-03-05", "--outlet", "Test Wire",
                            "--url", "https://example.invalid/kenya")
    article = records[0]["article"]
    assert code == 0
    assert (article["published"], article["outlet"], article["url"]) == (
        "2024-03-05", "Test Wire", "https://example.invalid/kenya")
    assert records[0]["events"][0]["date"]["value"] == "2024-03-01"  # "on Friday" before 2024-03-05


def test_cli_directory_good_and_bad_files(nlp, capsys, tmp_path, validator):
    _write(tmp_path, "good.txt", GOOD)
    for name, (data, _code) in BAD_FILES.items():
        _write(tmp_path, name, data)
    code, records, err = _run(capsys, "code", str(tmp_path))
    assert code == 0
    assert len(records) == 1
    validator.validate(records[0])
    assert len(err) == len(BAD_FILES)
    for name, (_data, error_code) in BAD_FILES.items():
        lines = [line for line in err if str(tmp_path / name) in line]
        assert len(lines) == 1 and f"[{error_code}]" in lines[0], (name, err)


def test_cli_only_bad_files_exit_1(capsys, tmp_path):
    for name, (data, _code) in BAD_FILES.items():
        _write(tmp_path, name, data)
    code, records, err = _run(capsys, "code", str(tmp_path))
    assert (code, records) == (1, [])
    assert len(err) == len(BAD_FILES) + 1
    assert "nothing could be coded (3 input(s) skipped)" in err[-1]


def test_cli_missing_path_is_reported(capsys, tmp_path):
    code, records, err = _run(capsys, "code", str(tmp_path / "absent.txt"))
    assert (code, records) == (1, [])
    assert str(tmp_path / "absent.txt") in err[0] and "no such file" in err[0]


def test_cli_twenty_megabytes_is_refused_with_e105(capsys, tmp_path):
    path = tmp_path / "huge.txt"
    line = "Troops moved toward the border on Monday, officials said. " * 100 + "\n"
    with path.open("w", encoding="utf-8") as stream:
        for _ in range(20 * 1024 * 1024 // len(line) + 1):
            stream.write(line)
    code, records, err = _run(capsys, "code", str(path))
    assert (code, records) == (1, [])
    assert str(path) in err[0] and "[E105]" in err[0] and "over the limit" in err[0]
    assert "--max-chars" in err[0]


@pytest.mark.parametrize("text, language", [(FRENCH, "fr"), (SPANISH, "es")])
def test_cli_non_english_is_refused_with_e106(capsys, tmp_path, text, language):
    path = _write(tmp_path, "article.txt", text)
    code, records, err = _run(capsys, "code", str(path))
    assert (code, records) == (1, [])
    assert str(path) in err[0] and "[E106]" in err[0] and f"'{language}'" in err[0]


def test_cli_stdin_dash(nlp, capsys, monkeypatch, validator):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(GOOD.encode("utf-8"))))
    code, records, err = _run(capsys, "code", "-", "--published", "2024-03-05")
    assert (code, len(records), err) == (0, 1, [])
    validator.validate(records[0])
    assert records[0]["article"]["published"] == "2024-03-05"


def test_cli_jsonl_with_one_malformed_line(nlp, capsys, tmp_path, validator):
    lines = [json.dumps({"id": "k1", "text": GOOD}), '{"id": "k2", "text": broken', json.dumps({"id": "k3", "text": OTHER})]
    path = _write(tmp_path, "batch.jsonl", "\n".join(lines) + "\n")
    code, records, err = _run(capsys, "code", str(path), "--outlet", "Test Wire")
    assert code == 0
    assert [r["article"]["id"] for r in records] == ["k1", "k3"]
    assert all(r["article"]["outlet"] == "Test Wire" for r in records)
    for record in records:
        validator.validate(record)
    assert len(err) == 1 and f"{path}:2" in err[0] and "[E104]" in err[0]


def test_cli_eval_record_against_itself(nlp, capsys, tmp_path):
    path = _write(tmp_path, "article.txt", GOOD)
    code, records, _ = _run(capsys, "code", str(path), "--published", "2024-03-05")
    assert code == 0 and records[0]["events"]
    gold = _write(tmp_path, "gold.json", json.dumps(records[0]))
    output = _write(tmp_path, "out.jsonl", json.dumps(records[0]) + "\n")
    code = main(["eval", str(gold), "--output", str(output), "--json"])
    figures = json.loads(capsys.readouterr().out)
    assert code == 0
    assert (figures["event_precision"], figures["event_recall"], figures["event_f1"]) == (1.0, 1.0, 1.0)
    assert figures["duplicate_rate"] == 0.0


def test_cli_subprocess_file_and_stdin(tmp_path, validator):
    path = _write(tmp_path, "article.txt", GOOD)
    result = subprocess.run([sys.executable, "-m", "eventwire.cli", "code", str(path), "-",
                             "--published", "2024-03-05"], input=OTHER.encode("utf-8"),
                            capture_output=True, cwd=ROOT, timeout=120, check=False)
    assert result.returncode == 0, result.stderr.decode()
    records = [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]
    assert [r["article"]["text"] for r in records] == [GOOD, OTHER]
    for record in records:
        validator.validate(record)
    assert result.stderr == b""


def test_cli_subprocess_nothing_coded_exits_1(tmp_path):
    _write(tmp_path, "empty.txt", b"")
    result = subprocess.run([sys.executable, "-m", "eventwire.cli", "code", str(tmp_path / "empty.txt")],
                            capture_output=True, cwd=ROOT, timeout=120, check=False)
    assert result.returncode == 1
    assert result.stdout == b""
    err = result.stderr.decode("utf-8").splitlines()
    assert len(err) == 2 and "empty.txt" in err[0] and "[E101]" in err[0]
