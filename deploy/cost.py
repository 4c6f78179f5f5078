"""Monthly cost of a Frontline deployment from on-demand list prices; prints one JSON line (docs/deploy.md).

The prices are us-east-1 on-demand list prices in USD as known when this was written, NOT read from AWS (this
project has no network access to AWS): check them on the AWS pricing pages before quoting. Usage-priced AI calls
(Bedrock tokens, Comprehend units, ...) are not included: they depend on traffic, see docs/aws.md.

    python deploy/cost.py                       # 2 tasks 1 vCPU / 2 GB, Aurora averaging 0.8 ACU
    python deploy/cost.py --replicas 4 --acu-avg 2
"""

from __future__ import annotations

import argparse
import json
import sys

SECRETS = 3  # frontline/database, frontline/database-app and frontline/data-keys (deploy/stack.py)
HOURS_PER_MONTH = 730
REGION = "us-east-1"
PRICES_USD = {
    "fargate_vcpu_hour": 0.04048,        # Linux/x86_64
    "fargate_gb_hour": 0.004445,
    "alb_hour": 0.0225,
    "alb_lcu_hour": 0.008,
    "aurora_acu_hour": 0.12,             # Aurora Serverless v2, Aurora Standard storage configuration
    "aurora_storage_gb_month": 0.10,
    "aurora_io_per_million": 0.20,
    "nat_hour": 0.045,
    "nat_gb_processed": 0.045,
    "public_ipv4_hour": 0.005,           # every public IPv4 address: the ALB's (one per AZ) and the NAT's
    "logs_ingest_gb": 0.50,
    "logs_storage_gb_month": 0.03,
    "secret_month": 0.40,
    "ecr_storage_gb_month": 0.10,
}


def monthly_cost(*, replicas: int = 2, vcpu: float = 1.0, memory_gb: float = 2.0, acu_avg: float = 0.8,
                 alb_lcu_avg: float = 1.0, azs: int = 2, nat_gateways: int = 1, nat_gb: float = 10.0,
                 db_storage_gb: float = 10.0, db_io_millions: float = 20.0, log_gb: float = 5.0,
                 image_gb: float = 1.5) -> dict[str, float]:
    """USD per month per line item, and their total, for HOURS_PER_MONTH hours."""
    if min(replicas, vcpu, memory_gb, azs) <= 0 or min(acu_avg, alb_lcu_avg, nat_gateways, nat_gb, db_storage_gb,
                                                       db_io_millions, log_gb, image_gb) < 0:
        raise ValueError("counts and sizes must be positive")
    p, h = PRICES_USD, HOURS_PER_MONTH
    items = {
        "fargate": replicas * h * (vcpu * p["fargate_vcpu_hour"] + memory_gb * p["fargate_gb_hour"]),
        "alb": h * (p["alb_hour"] + alb_lcu_avg * p["alb_lcu_hour"]),
        "aurora_compute": acu_avg * h * p["aurora_acu_hour"],
        "aurora_storage_io": db_storage_gb * p["aurora_storage_gb_month"] + db_io_millions * p["aurora_io_per_million"],
        "nat_gateway": nat_gateways * h * p["nat_hour"] + nat_gb * p["nat_gb_processed"],
        "public_ipv4": (azs + nat_gateways) * h * p["public_ipv4_hour"],
        "cloudwatch_logs": log_gb * (p["logs_ingest_gb"] + p["logs_storage_gb_month"]),
        "secrets_manager": SECRETS * p["secret_month"],
        "ecr": image_gb * p["ecr_storage_gb_month"],
    }
    rounded = {key: round(value, 2) for key, value in items.items()}
    rounded["total"] = round(sum(items.values()), 2)
    return rounded


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--replicas", type=int, default=2)
    parser.add_argument("--vcpu", type=float, default=1.0)
    parser.add_argument("--memory-gb", type=float, default=2.0)
    parser.add_argument("--acu-avg", type=float, default=0.8, help="Aurora ACUs averaged over the month (0.5-2)")
    parser.add_argument("--alb-lcu-avg", type=float, default=1.0)
    parser.add_argument("--nat-gb", type=float, default=10.0)
    parser.add_argument("--log-gb", type=float, default=5.0)
    args = parser.parse_args(argv)
    try:
        cost = monthly_cost(replicas=args.replicas, vcpu=args.vcpu, memory_gb=args.memory_gb, acu_avg=args.acu_avg,
                            alb_lcu_avg=args.alb_lcu_avg, nat_gb=args.nat_gb, log_gb=args.log_gb)
    except ValueError as exc:
        parser.error(str(exc))
    print(json.dumps({"region": REGION, "currency": "USD", "hours": HOURS_PER_MONTH, **vars(args), **cost}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
