"""The README's command reference is generated from --help: fail when it is stale."""

from conftest import ROOT
from tracker.cli.docs import END, START, command_reference


def test_readme_command_reference_matches_help():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert START in readme and END in readme
    documented = readme.split(START, 1)[1].split(END, 1)[0].strip()
    assert documented == command_reference().strip(), "README is stale: run `make docs`"


def test_every_command_takes_db_option():
    blocks = command_reference().split("#### ")[1:]
    assert len(blocks) == 58  # every command and group (add one here with a new command)
    for block in blocks:
        name = block.split("`")[1]
        if "Commands:" in block or name in {"tracker compare", "tracker eval"}:
            continue  # groups and database-free commands
        assert "--db" in block, f"{name} has no --db option"
