"""Static investigative-report site generator: cited YAML facts in, a bilingual MkDocs site out."""
