#!/usr/bin/python3
"""check-python.py SCHEMA --valid FILE... --invalid FILE...

The schema with the JSON Schema validator most programs outside JavaScript
use: Python's jsonschema, as Debian packages it (python3-jsonschema; run
with Debian's /usr/bin/python3). The schema must be a valid 2020-12 schema
whose patterns Python's re compiles (it has no \\p{L}), every --valid
document must validate, every --invalid fixture must be rejected. ajv checks
the same files (tests/json.mk): the two must agree.
"""
import json
import sys

import jsonschema


def main(argv):
    schema_file, files, kind = argv[0], {"--valid": [], "--invalid": []}, None
    for a in argv[1:]:
        if a in files:
            kind = a
        else:
            files[kind].append(a)
    with open(schema_file, encoding="utf-8") as f:
        schema = json.load(f)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    validator = cls(schema)
    failed = 0
    for path in files["--valid"]:
        with open(path, encoding="utf-8") as f:
            errors = list(validator.iter_errors(json.load(f)))
        for e in errors[:3]:
            print(f"{path}: {'/'.join(map(str, e.absolute_path))}: {e.message[:200]}",
                  file=sys.stderr)
        failed += bool(errors)
    for path in files["--invalid"]:
        with open(path, encoding="utf-8") as f:
            if validator.is_valid(json.load(f)):
                print(f"{path}: accepted, but it is invalid", file=sys.stderr)
                failed += 1
    n = len(files["--valid"]) + len(files["--invalid"])
    print(f"check-python: jsonschema {cls.__name__}: {n - failed} of {n} documents as "
          f"expected ({len(files['--valid'])} valid, {len(files['--invalid'])} invalid)")
    return 1 if failed or n == 0 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
