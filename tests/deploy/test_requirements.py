"""deploy/requirements.txt is installed with --no-deps into the app's venv by .ci/run: it must be a full pin that
agrees with requirements.txt wherever both name a package, and aws-cdk-lib must stay out of the app's own pins."""

from __future__ import annotations

import re

from tests.conftest import PROJECT_ROOT


def pins(name: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for line in (PROJECT_ROOT / name).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].split(";", 1)[0].strip()
        if line:
            package, _, version = line.partition("==")
            assert version, f"{name}: {line!r} is not pinned with =="
            found[re.sub(r"[-_.]+", "-", package).lower()] = version
    return found


def test_deploy_pins_agree_with_the_app_pins_and_cdk_stays_out_of_the_app() -> None:
    app, deploy = pins("requirements.txt"), pins("deploy/requirements.txt")
    shared = set(app) & set(deploy)
    assert shared >= {"attrs", "typing-extensions", "python-dateutil"}
    assert {p: (app[p], deploy[p]) for p in shared if app[p] != deploy[p]} == {}
    assert not {"aws-cdk-lib", "constructs", "jsii"} & set(app)
    assert {"aws-cdk-lib", "constructs", "jsii", "cattrs", "typeguard", "publication"} <= set(deploy)
