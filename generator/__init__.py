"""Static investigative-report site generator: cited YAML facts in, a bilingual MkDocs site out."""

import warnings

# jieba 0.42 imports pkg_resources, whose deprecation warning would otherwise print on every run.
warnings.filterwarnings("ignore", message="pkg_resources is deprecated", category=UserWarning)
