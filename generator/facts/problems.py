"""Problems found in the data: each names a file, line, column and field, and reads as one line."""

from __future__ import annotations

from dataclasses import dataclass

from generator.facts.commands import step_command
from generator.facts.messages import say

# Hand-written pages, as problems name their files; every other problem is in the data.
PAGE_SUFFIX = ".md"


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
        return "\n".join([*lines, self.summary()])

    def summary(self) -> str:
        """How many problems the data and the pages have, and the command to run once fixed:
        `check` reads the data; only a build reads the pages."""
        pages = sum(1 for problem in self.problems if problem.file.endswith(PAGE_SUFFIX))
        data = len(self.problems) - pages
        if not pages:
            return say("report-summary", count=data, command=step_command("check"))
        command = step_command("build")
        if not data:
            return say("report-summary-pages", count=pages, command=command)
        return say("report-summary-both", data=data, pages=pages, command=command)
