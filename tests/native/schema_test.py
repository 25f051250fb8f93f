#!/usr/bin/python3
"""The JSON Schema in docs/ accepts our bundles and rejects the broken fixtures."""
import json
import sys
from pathlib import Path

import jsonschema

root = Path(sys.argv[1])
schema = json.loads((root / "docs/bundle.schema.json").read_text())
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
failed = 0
for good in ["assets/bundle.json", "tests/fixtures/bilingual.json", "tests/fixtures/rich.json"]:
    errors = list(validator.iter_errors(json.loads((root / good).read_text())))
    if errors:
        print(f"FAIL: {good}: {errors[0].message}")
        failed += 1
bad = {"wrong format": {"format": "x", "version": 1, "mission": {"title": "t", "paragraphs": []}, "news": [], "directives": []},
       "bad date": {"format": "publication-bundle", "version": 1, "mission": {"title": "t", "paragraphs": []},
                    "news": [{"id": "a", "date": "2024-13", "title": "t"}], "directives": []},
       "unsafe link": {"format": "publication-bundle", "version": 1, "mission": {"title": "t", "paragraphs": []},
                       "news": [{"id": "a", "date": "2024", "title": "t", "link": "javascript:alert(1)"}], "directives": []},
       "parent path": {"format": "publication-bundle", "version": 1, "mission": {"title": "t", "paragraphs": []},
                       "news": [{"id": "a", "date": "2024", "title": "t", "image": "../x.png"}], "directives": []},
       "image without src": {"format": "publication-bundle", "version": 1, "mission": {"title": "t", "paragraphs": []},
                             "news": [{"id": "a", "date": "2024", "title": "t", "image": {"alt": "x"}}], "directives": []},
       "empty tag": {"format": "publication-bundle", "version": 1, "mission": {"title": "t", "paragraphs": []},
                     "news": [{"id": "a", "date": "2024", "title": "t", "tags": [{"en": ""}]}], "directives": []},
       "document without src": {"format": "publication-bundle", "version": 1, "mission": {"title": "t", "paragraphs": []}, "news": [],
                                "directives": [{"id": "a", "date": "2024", "title": "t", "documents": [{"title": "x"}]}]},
       "change without a date": {"format": "publication-bundle", "version": 1, "mission": {"title": "t", "paragraphs": []}, "news": [],
                                 "directives": [{"id": "a", "date": "2024", "title": "t", "changes": [{"note": "x"}]}]}}
for name, doc in bad.items():
    if validator.is_valid(doc):
        print(f"FAIL: the schema accepts {name}")
        failed += 1
print("schema: ok" if not failed else f"schema: {failed} failures")
sys.exit(1 if failed else 0)
