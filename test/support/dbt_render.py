"""Renders the files cdp writes for dbt the way dbt reads them, for the tests (test/support/dbt-render.ts).

dbt reads properties files with PyYAML and renders every string in them with Jinja; it renders test
SQL with Jinja 2 in a sandboxed environment with the `do` extension, `source()`, `adapter`,
`target`, `execute`, `config()`, `exceptions` and `modules` in the context. dbt itself cannot be
installed here (its registry is out of reach); these are the libraries it runs on. Reads one JSON
request on stdin and writes one JSON answer on stdout.
"""
import json
import re
import sys

import jinja2
import jinja2.sandbox
import yaml


def environment():
    return jinja2.sandbox.SandboxedEnvironment(extensions=["jinja2.ext.do"], undefined=jinja2.StrictUndefined)


class Relation:
    def __init__(self, key, text):
        self.key = key
        self.text = text

    def __str__(self):
        return self.text


class Column:
    def __init__(self, name, data_type):
        self.name = name
        self.data_type = data_type


class CompilerError(Exception):
    pass


def render_sql(request):
    relations = request["relations"]
    catalogue = request["columns"]
    configs = []

    def source(name, table):
        key = name + "." + table
        if key not in relations:
            raise CompilerError("source %r not found" % key)
        return Relation(key, relations[key])

    def raise_compiler_error(message):
        raise CompilerError(message)

    class Adapter:
        def get_columns_in_relation(self, relation):
            return [Column(c["name"], c["data_type"]) for c in catalogue.get(relation.key, [])]

    def config(**kwargs):
        configs.append(kwargs)
        return ""

    context = {
        "source": source,
        "adapter": Adapter(),
        "target": {"type": request["target"]},
        "execute": True,
        "config": config,
        "exceptions": {"raise_compiler_error": raise_compiler_error},
        "modules": {"re": re},
    }
    out = {}
    for name, text in request["templates"].items():
        del configs[:]
        try:
            out[name] = {"sql": environment().from_string(text).render(context), "config": list(configs)}
        except CompilerError as error:
            out[name] = {"error": str(error)}
    return out


def render_strings(value):
    if isinstance(value, str):
        return environment().from_string(value).render({})
    if isinstance(value, list):
        return [render_strings(v) for v in value]
    if isinstance(value, dict):
        return {k: render_strings(v) for k, v in value.items()}
    return value


def main():
    request = json.load(sys.stdin)
    if request["kind"] == "yaml":
        parsed = yaml.safe_load(request["text"])
        answer = {"parsed": parsed, "rendered": render_strings(parsed)}
    else:
        answer = render_sql(request)
    json.dump(answer, sys.stdout)


main()
