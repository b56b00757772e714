"""Cross-checks derived from sourced figures: each keeps its formula and is never passed off as sourced."""

from __future__ import annotations

from dataclasses import dataclass

from generator.model import FactBase, Figure
from generator.render import chinese_number, normalized

SECONDS_PER_YEAR = 365 * 24 * 3600
HOURS_PER_MONTH = 30 * 24


@dataclass(frozen=True)
class Derived:
    """A number computed from figures in the data."""

    id: str
    label: str
    value: float
    unit: str
    formula: str
    inputs: tuple[str, ...]
    reading: str

    @property
    def shown(self) -> str:
        return f"{chinese_number(self.value)}{self.unit}"


def _figure(base: FactBase, unit: str, kind: str) -> Figure | None:
    return next((f for f in base.figures if f.kind == kind and unit in f.unit), None)


def derive(base: FactBase) -> list[Derived]:
    """Every cross-check the figures allow; one is skipped only if its inputs are absent."""
    derived: list[Derived] = []
    video = next((f for f in base.figures if f.kind == "data" and f.unit.endswith("秒")), None)
    if video:
        per_second = normalized(video) / SECONDS_PER_YEAR
        derived.append(
            Derived(
                "derived-video-per-second",
                "按年增量折算的每秒新增视频时长",
                per_second,
                "秒/秒",
                f"{chinese_number(normalized(video))}秒 ÷ (365 × 24 × 3600)秒",
                (video.id,),
                f"相当于每分钟新增约{per_second * 60 / 3600:.0f}小时视频",
            )
        )
    gpus = next((f for f in base.figures if f.kind == "compute" and "张" in f.unit), None)
    months = next((f for f in base.figures if f.kind == "time" and "月" in f.unit and gpus and f.id in gpus.about + [f.id] and f.value_max is None), None)
    if gpus and months:
        gpu_hours = normalized(gpus) * normalized(months) * HOURS_PER_MONTH
        derived.append(
            Derived(
                "derived-gpu-hours",
                "单次训练的GPU时数",
                gpu_hours,
                "GPU时",
                f"{chinese_number(normalized(gpus))}张 × {normalized(months):g}个月 × 720小时/月",
                (gpus.id, months.id),
                "按每月30天计算",
            )
        )
    return derived
