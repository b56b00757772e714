"""Problems found in the data: each names a file, line, column and field, and reads as one line."""

from __future__ import annotations

from dataclasses import dataclass

from generator.facts.messages import say


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the input, located as precisely as the input allows."""

    file: str
    line: int
    column: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        return (
            f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        )


class DataError(Exception):
    """Raised with every problem at once, so a contributor fixes them all in one round."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__(self.report())

    def report(self) -> str:
        lines = [str(problem) for problem in self.problems]
        return "\n".join([*lines, say("report-summary", count=len(self.problems))])
