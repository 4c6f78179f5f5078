"""The intent developer API refuses a path no file can have with a clear InvalidInput (found by the slow CLI fuzz:
``train-intents --csv '\\udeae'`` raised UnicodeEncodeError)."""

from __future__ import annotations

import pytest

from services import intents
from services.cli import main
from services.errors import InvalidInput

NO_FILE_CAN_HAVE = ["\udeae", "bad\udeaepath.csv", "nul\x00.csv"]


@pytest.mark.parametrize("path", NO_FILE_CAN_HAVE)
def test_defect_a_csv_path_no_file_can_have_is_a_clear_error(path):
    with pytest.raises(InvalidInput, match="CSV file"):
        intents.read_labelled_csv(path, "text", "label")


@pytest.mark.parametrize("path", NO_FILE_CAN_HAVE)
def test_defect_train_intents_with_such_a_csv_path_exits_with_a_message(path, capsys):
    code = main(["train-intents", "--csv", path, "--text-col", "text", "--label-col", "label", "--out", "/tmp/x"])
    assert code == 2
    assert "CSV file" in capsys.readouterr().err
