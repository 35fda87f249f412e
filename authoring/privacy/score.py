"""Recall and false alarms of the scan on labelled corpora of invented sentences."""

from __future__ import annotations

import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import yaml

from . import scan


@dataclass
class Case:
    text: str
    label: str  # risky or safe
    klass: str
    why: str = ""


def load_corpus(folder: Path) -> list[Case]:
    cases = []
    for label in ("risky", "safe"):
        path = folder / f"{label}.yaml"
        for item in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            cases.append(
                Case(
                    str(item["text"]),
                    str(item.get("label", label)),
                    str(item.get("class", "?")),
                    str(item.get("why", "")),
                )
            )
    return cases


@dataclass
class Score:
    risky: int
    caught: int
    safe: int
    alarms: int
    by_class: dict[tuple[str, str], list[int]]
    misses: list[Case]
    false_alarms: list[tuple[Case, list]]

    @property
    def recall(self) -> float:
        return self.caught / self.risky if self.risky else 1.0

    @property
    def false_alarm_rate(self) -> float:
        return self.alarms / self.safe if self.safe else 0.0


def score(cases: list[Case]) -> Score:
    by_class: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    result = Score(0, 0, 0, 0, by_class, [], [])
    for case in cases:
        findings = scan(case.text)
        flagged = bool(findings)
        cell = by_class[(case.label, case.klass)]
        cell[0] += 1
        cell[1] += flagged
        if case.label == "risky":
            result.risky += 1
            result.caught += flagged
            if not flagged:
                result.misses.append(case)
        else:
            result.safe += 1
            result.alarms += flagged
            if flagged:
                result.false_alarms.append((case, findings))
    return result


def report(name: str, result: Score, verbose: bool = False) -> str:
    lines = [
        f"{name}: recall {result.recall:.1%} ({result.caught}/{result.risky} risky flagged), "
        f"false alarms {result.false_alarm_rate:.1%} ({result.alarms}/{result.safe} safe flagged)",
    ]
    for (label, klass), (total, flagged) in sorted(result.by_class.items()):
        rate = flagged / total
        mark = "" if (label == "risky" and flagged == total) or (label == "safe" and flagged == 0) else "  <"
        lines.append(f"    {label:5} {klass:32} {flagged:3}/{total:<3} flagged ({rate:.0%}){mark}")
    if verbose:
        lines += [f"    missed: {c.klass}: {c.text}" for c in result.misses]
        lines += [
            f"    false alarm: {c.klass}: {c.text} -> " + "; ".join(f"{f.kind}: {f.text}" for f in fs)
            for c, fs in result.false_alarms
        ]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    folders = [Path(a) for a in argv if a != "-v"]
    for folder in folders:
        print(report(str(folder), score(load_corpus(folder)), verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
