"""A tiny validator for the YAML nianbao reads (config, rule packs, template).

A schema is a Python value:
  str, int, float, bool, dict, list   the value must be of that type
  [S]                                 a list whose items match S
  {"key": S, ...}                     a mapping with only these keys (all optional)
  {"*": S}                            a mapping with any keys, values matching S
  Enum("a", "b")                      one of these strings
  AnyOf(S1, S2)                       matches one of the alternatives
Errors carry the key path so the caller can find the line and column.
"""

from __future__ import annotations


class SchemaError(Exception):
    def __init__(self, keys: tuple, message: str):
        super().__init__(message)
        self.keys = keys
        self.message = message


class Enum:
    def __init__(self, *values):
        self.values = values


class AnyOf:
    def __init__(self, *options):
        self.options = options


_TYPE_NAMES = {str: "字符串", int: "整数", float: "数字", bool: "true/false", dict: "映射（键: 值）", list: "列表"}


def _describe(schema) -> str:
    if isinstance(schema, type):
        return _TYPE_NAMES.get(schema, schema.__name__)
    if isinstance(schema, list):
        return "列表"
    if isinstance(schema, dict):
        return "映射（键: 值）"
    if isinstance(schema, Enum):
        return "、".join(schema.values) + " 之一"
    if isinstance(schema, AnyOf):
        return "或".join(_describe(o) for o in schema.options)
    return str(schema)


def validate(value, schema, keys: tuple = ()) -> None:
    if isinstance(schema, AnyOf):
        for opt in schema.options:
            try:
                validate(value, opt, keys)
                return
            except SchemaError:
                continue
        raise SchemaError(keys, f"应为{_describe(schema)}，实际是 {_show(value)}")
    if isinstance(schema, Enum):
        if value not in schema.values:
            raise SchemaError(keys, f"取值应为 {'、'.join(schema.values)} 之一，实际是 {_show(value)}")
        return
    if isinstance(schema, type):
        ok = isinstance(value, schema) and not (schema is int and isinstance(value, bool))
        if schema is float:
            ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        if not ok:
            raise SchemaError(keys, f"应为{_describe(schema)}，实际是 {_show(value)}")
        return
    if isinstance(schema, list):
        if not isinstance(value, list):
            raise SchemaError(keys, f"应为列表，实际是 {_show(value)}")
        for i, item in enumerate(value):
            validate(item, schema[0], keys + (i,))
        return
    if isinstance(schema, dict):
        if not isinstance(value, dict):
            raise SchemaError(keys, f"应为映射（键: 值），实际是 {_show(value)}")
        for k, v in value.items():
            if k in schema:
                validate(v, schema[k], keys + (k,))
            elif "*" in schema:
                validate(v, schema["*"], keys + (k,))
            else:
                known = "、".join(str(x) for x in schema if x != "*")
                raise SchemaError(keys + (k,), f"未知的配置项 “{k}”（可用：{known}）")
        return
    raise TypeError(f"bad schema {schema!r}")


def _show(value) -> str:
    if value is None:
        return "空值"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, dict)):
        return "列表" if isinstance(value, list) else "映射"
    return repr(value) if isinstance(value, str) else str(value)
