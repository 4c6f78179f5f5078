"""deploy/cost.py: the monthly figure docs/deploy.md quotes comes from one formula over listed prices."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from deploy.cost import HOURS_PER_MONTH, PRICES_USD, monthly_cost
from tests.conftest import PROJECT_ROOT


def test_small_deployment_line_items_and_total() -> None:
    cost = monthly_cost()
    # two 1 vCPU / 2 GB tasks all month, by hand
    assert cost["fargate"] == round(2 * HOURS_PER_MONTH * (PRICES_USD["fargate_vcpu_hour"]
                                                           + 2 * PRICES_USD["fargate_gb_hour"]), 2) == 72.08
    assert cost["aurora_compute"] == round(0.8 * HOURS_PER_MONTH * PRICES_USD["aurora_acu_hour"], 2)
    assert cost["public_ipv4"] == round(3 * HOURS_PER_MONTH * PRICES_USD["public_ipv4_hour"], 2)  # 2 ALB + 1 NAT
    items = {k: v for k, v in cost.items() if k != "total"}
    assert abs(sum(items.values()) - cost["total"]) < 0.05
    assert monthly_cost(acu_avg=0.5)["total"] < cost["total"] < monthly_cost(acu_avg=2.0)["total"]
    assert monthly_cost(replicas=4)["fargate"] == pytest.approx(2 * cost["fargate"], abs=0.01)


def test_cli_prints_one_json_line_and_refuses_nonsense() -> None:
    script = str(PROJECT_ROOT / "deploy" / "cost.py")
    done = subprocess.run([sys.executable, script, "--replicas", "3"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0
    (line,) = done.stdout.splitlines()
    row = json.loads(line)
    assert row["region"] == "us-east-1" and row["replicas"] == 3 and row["total"] > row["fargate"] > 0
    bad = subprocess.run([sys.executable, script, "--replicas", "0"], capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2 and "must be positive" in bad.stderr
