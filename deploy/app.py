"""`cdk synth` / `cdk deploy` entry point (deploy/cdk.json runs it). Configuration: CDK context, docs/deploy.md."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from deploy.stack import build_app  # noqa: E402

if __name__ == "__main__":
    app, _stack = build_app()
    app.synth()
