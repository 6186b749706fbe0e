#!/usr/bin/env python3
"""Time calc.api.run for each calculator on CPython and print a table.

Run: .venv/bin/python scripts/bench_calc.py [--repeat N]

Cases: every calculator's worked example (calc.api.EXAMPLES), plus the heavy
ones: a 360-period 等额本息 and 等额本金 schedule, and a 20-debt plan.
Goal: each call under 5 ms. Prints median and p95 in milliseconds.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from calc.api import EXAMPLES, run  # noqa: E402

GOAL_MS = 5.0


def cases() -> list[tuple[str, str, dict]]:
    out = [(name, name, params) for name, params in EXAMPLES.items()]
    long_loan = {"principal": "1000000", "months": "360", "annual_rate": "4.2", "start": "2026-01-31"}
    out.append(("schedule", "schedule 360 等额本息", {**long_loan, "method": "equal_installment"}))
    out.append(("schedule", "schedule 360 等额本金", {**long_loan, "method": "equal_principal"}))
    kinds = ["credit_card", "bank_loan", "consumer_finance", "online_loan", "private_loan"]
    out.append(
        (
            "debts",
            "debts 20 debts",
            {
                "lender": [f"机构{i + 1}" for i in range(20)],
                "kind": [kinds[i % 5] for i in range(20)],
                "balance": [str(3000 + 1500 * i) for i in range(20)],
                "annual_rate": [str(8 + (i * 7) % 30) for i in range(20)],
                "min_payment": [str(150 + 20 * i) for i in range(20)],
                "days_overdue": [str((i * 13) % 200) for i in range(20)],
                "capacity": "15000",
            },
        )
    )
    out.append(("apr", "apr 360 flows", {"flows": ["100000"] + [str(800 + i) for i in range(360)]}))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    print(f"calc.api.run on {platform.python_implementation()} {platform.python_version()}, "
          f"{args.repeat} calls each")
    print(f"{'case':<26}{'median ms':>10}{'p95 ms':>10}  ok")
    worst = 0.0
    for name, label, params in cases():
        for _ in range(5):  # warm up
            result = run(name, params, "zh")
        assert result["ok"], (label, result)
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            run(name, params, "zh")
            times.append((time.perf_counter() - start) * 1000)
        times.sort()
        median = statistics.median(times)
        p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
        worst = max(worst, p95)
        print(f"{label:<26}{median:>10.3f}{p95:>10.3f}  {'yes' if p95 < GOAL_MS else 'NO'}")
    print(f"goal: every call under {GOAL_MS} ms; worst p95 {worst:.3f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
