"""Cross-checks derived from sourced figures: each keeps its formula and is never passed off as sourced."""

from __future__ import annotations

from dataclasses import dataclass

from generator.model import FactBase
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


# The figures each cross-check is computed from, by id in data/figures.yml.
YEARLY_VIDEO = "youtube-yearly-new-video"
TRAINING_GPUS = "sora-scale-training-gpus"
TRAINING_TIME = "sora-scale-training-time"


def derive(base: FactBase) -> list[Derived]:
    """Every cross-check whose input figures are in the data."""
    figures = {figure.id: figure for figure in base.figures}
    derived: list[Derived] = []
    video = figures.get(YEARLY_VIDEO)
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
                f"按“秒”读，相当于每分钟新增约{per_second * 60 / 3600:.1f}小时视频；"
                "这与把同一数字读作“分钟”的结果相差60倍，两种读法不一致，见下方编者注",
            )
        )
    gpus, months = figures.get(TRAINING_GPUS), figures.get(TRAINING_TIME)
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
