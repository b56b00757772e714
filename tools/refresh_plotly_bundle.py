"""Rebuild generator/site/theme/assets/javascripts/plotly-report.min.js (`make plotly-bundle`).

Pins tools/plotly-bundle/ to the plotly.js version the installed plotly package bundles, installs
it from the npm registry and bundles core + generator.site.plotly_bundle.BUNDLED_TRACES with esbuild;
copies the same version's Chinese locales (PLOTLY_LOCALES) next to the bundle. Needs node and npm;
building the site does not.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from generator.site.plotly_bundle import (
    BUNDLE_FILE,
    BUNDLED_TRACES,
    LOCALE_DIR,
    PLOTLY_LOCALES,
    bundle_header,
    expected_version,
    locale_file_name,
    locale_with_header,
)

TOOL = Path(__file__).parent / "plotly-bundle"


def main() -> int:
    version = expected_version()
    manifest = json.loads((TOOL / "package.json").read_text(encoding="utf-8"))
    if manifest["dependencies"]["plotly.js"] != version:
        subprocess.run(
            [
                "npm",
                "install",
                "--no-audit",
                "--no-fund",
                "--ignore-scripts",
                "--save-exact",
                f"plotly.js@{version}",
            ],
            cwd=TOOL,
            check=True,
        )
    subprocess.run(
        ["npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"], cwd=TOOL, check=True
    )
    subprocess.run(["node", "build.mjs", str(BUNDLE_FILE), *BUNDLED_TRACES], cwd=TOOL, check=True)
    for locale in sorted(set(PLOTLY_LOCALES.values())):
        name = locale_file_name(locale)
        script = (TOOL / "node_modules" / "plotly.js" / "dist" / name).read_text(encoding="utf-8")
        (LOCALE_DIR / name).write_text(
            locale_with_header(locale, version, script.strip()), encoding="utf-8"
        )
    traces, built = bundle_header()
    print(f"{BUNDLE_FILE.name}: plotly.js {built}, traces {', '.join(traces)}")
    return 0 if built == version else 1


if __name__ == "__main__":
    sys.exit(main())
