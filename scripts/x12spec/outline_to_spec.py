#!/usr/bin/env python3
"""Builds schemas/x12/*.json transaction-set specs from the outlines in schemas/x12/source/.

The outlines are a compact, line-per-item transcription of the implementation-guide maps
published by the pyx12 project (see schemas/x12/README.md for provenance and license).
This script only expands macros, attaches data-element types and lengths from
dataele.outline, derives each loop's entry key, groups same-position siblings and writes
JSON; it adds no IG knowledge of its own except the documented overrides below.

Outline syntax (one item per line, '#' comments):
  T <set> <implementation> <name>             transaction header
  L <id> <usage> <repeat> <pos> | <name>      open a loop (closed by '/')
  S <id> <usage> <max_use> <pos> [rules] | n  segment; rules like P0809 C1110 L050607 R0203 E0207
  E <seq> <de> <usage> [rN] [=c1,c2|@table] [/regex/]   simple element
  C <seq> <de> <usage> [rN]                   composite (components follow as 'c' lines)
  c <seq> <de> <usage> [=codes|@table]        component of the last composite
  X <seq> <usage> <codes>                     C022 health-care code composite (HI)
  M <SEG> <usages> [NN=codes|NN=@table] [nostate]  common segment shape (NM1, N3, N4, PER, REF, DTP,
                                              AMT, PRV, CUR, CAS)
  COPY <loop id> <usage>                      a copy of the earlier sibling-path loop with that id
  /                                           close the current loop
Usage: outline_to_spec.py SOURCE_DIR OUT_DIR
"""

import json
import re
import sys
from pathlib import Path

MACRO_ELEMENTS = {
    "NM1": ["98", "1065", "1035", "1036", "1037", "1038", "1039", "66", "67", "706", "98", "1035"],
    "N3": ["166", "166"],
    "N4": ["19", "156", "116", "26", "309", "310", "1715"],
    "PER": ["366", "93", "365", "364", "365", "364", "365", "364", "443"],
    "REF": ["128", "127", "352", "C040"],
    "DTP": ["374", "1250", "1251"],
    "AMT": ["522", "782", "478"],
    "PRV": ["1221", "128", "127", "156", "C035", "1223"],
    "CUR": ["98", "100", "280", "98", "100", "669"] + ["374", "373", "337"] * 5,
    "CAS": ["1033", "1034", "782", "380"] + ["1034", "782", "380"] * 5,
}

# One entry per outline (source/<name>.outline): the spec id, the versions the set is accepted
# under (GS08/ST03) and its functional group (GS01). pyx12 selects its map from the same
# family; the corpus carries X222 and X222A2 labels on otherwise A1-shaped claims. Two 277
# guides share ST01 and GS01: the catalog tells them apart by the version.
OUTLINES = {
    "837": {"id": "837P", "versions": ["005010X222A1", "005010X222", "005010X222A2"], "functional_id": "HC"},
    "835": {"id": "835", "versions": ["005010X221A1", "005010X221"], "functional_id": "HP"},
    "999": {"id": "999", "versions": ["005010X231A1", "005010X231"], "functional_id": "FA"},
    "277ca": {"id": "277CA", "versions": ["005010X214"], "functional_id": "HN"},
    "276": {"id": "276", "versions": ["005010X212"], "functional_id": "HR"},
    "277": {"id": "277", "versions": ["005010X212"], "functional_id": "HN"},
}


def load_dataele(path):
    table = {}
    for line in path.read_text().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        num, typ, lo, hi, name = line.split(" ", 4)
        table[num] = {"type": typ, "min": int(lo), "max": int(hi), "name": name}
    return table


def load_codes(path):
    tables = {}
    for line in path.read_text().splitlines():
        if line.strip():
            name, *codes = line.split()
            tables[name] = codes
    return tables


def parse_repeat(text):
    return "unbounded" if text == ">1" else int(text)


def parse_rule(text):
    kind, digits = text[0], text[1:]
    return {"rule": kind, "elements": [int(digits[i:i + 2]) for i in range(0, len(digits), 2)]}


class Builder:
    def __init__(self, dataele):
        self.dataele = dataele
        self.stack = []
        self.root = None
        self.last_segment = None
        self.last_composite = None
        self.loops_by_id = {}

    # -- elements ---------------------------------------------------------------------------
    def element(self, seg_id, seq, de, usage, extras):
        el = {"pos": int(seq), "ref": f"{seg_id}{int(seq):02d}", "de": de, "usage": usage}
        info = self.dataele.get(de)
        if de.startswith("C"):
            el["composite"] = True
            el["components"] = []
        elif info is None:
            raise SystemExit(f"unknown data element {de} in {seg_id}{seq}")
        else:
            el.update({"name": info["name"], "type": info["type"], "min": info["min"], "max": info["max"]})
        for token in extras:
            self.apply_extra(el, token)
        return el

    def apply_extra(self, el, token):
        if not token:
            return
        if re.fullmatch(r"r\d+", token):
            el["repeat"] = int(token[1:])
        elif token.startswith("=@") or token.startswith("@"):
            el["code_table"] = token.lstrip("=@")
        elif token.startswith("="):
            el["codes"] = token[1:].split(",")
        elif token.startswith("/") and token.endswith("/"):
            el["pattern"] = token[1:-1]
        else:
            raise SystemExit(f"bad element option {token!r}")

    @staticmethod
    def split_extras(rest):
        # Codes may contain spaces (999 CTX01-01 "SITUATIONAL TRIGGER"): '=' takes the rest.
        out = []
        while rest:
            rest = rest.strip()
            if rest.startswith("="):
                out.append(rest)
                break
            token, _, rest = rest.partition(" ")
            out.append(token)
        return out

    # -- structure ----------------------------------------------------------------------------
    def children(self):
        return self.stack[-1]["children"]

    def add_segment(self, fields, name):
        seg_id, usage, max_use, pos = fields[:4]
        seg = {"kind": "segment", "id": seg_id, "name": name, "usage": usage,
               "max_use": parse_repeat(max_use), "pos": pos, "elements": []}
        rules = [parse_rule(r) for r in fields[4:]]
        if rules:
            seg["syntax"] = rules
        self.children().append(seg)
        self.last_segment = seg

    def open_loop(self, fields, name):
        loop_id, usage, repeat, pos = fields[:4]
        loop = {"kind": "loop", "id": loop_id, "name": name, "usage": usage,
                "repeat": parse_repeat(repeat), "pos": pos, "children": []}
        self.children().append(loop)
        self.stack.append(loop)
        path = "/".join(l["id"] for l in self.stack[1:])
        self.loops_by_id.setdefault(loop_id, path)

    def macro(self, seg_id, usages, options):
        des = MACRO_ELEMENTS[seg_id]
        if len(usages) != len(des):
            raise SystemExit(f"macro {seg_id}: {len(usages)} usages for {len(des)} elements")
        opts = {}
        nostate = False
        for opt in options:
            if opt == "nostate":
                nostate = True
                continue
            key, _, val = opt.partition("=")
            opts[int(key)] = val
        for i, (de, usage) in enumerate(zip(des, usages), start=1):
            extras = []
            if i in opts:
                extras.append("=" + opts[i] if not opts[i].startswith("@") else opts[i])
            if seg_id == "N4" and i == 2 and not nostate and i not in opts:
                extras.append("@states")
            if seg_id == "N4" and i == 4:
                extras.append("@country")
            if seg_id == "CAS" and i >= 2 and (i - 2) % 3 == 0:
                extras.append("@adjustment_reason")
            if seg_id == "CUR" and i == 2:
                extras.append("@currency")
            el = self.element(seg_id, i, de, usage, extras if de[0] != "C" or i not in opts else [])
            if seg_id == "REF" and i == 4 and usage != "N":
                # REF04 C040 used: qualifier 2U + identifier; the rest of the pairs not used.
                comps = [("128", "R", "=" + opts.get(4, "2U")), ("127", "R", ""), ("128", "N", ""),
                         ("127", "N", ""), ("128", "N", ""), ("127", "N", "")]
                for k, (cde, cus, cx) in enumerate(comps, start=1):
                    el["components"].append(self.element(f"{seg_id}04-", k, cde, cus, [cx] if cx else []))
            self.last_segment["elements"].append(el)

    def hi_composite(self, seq, usage, codes):
        el = self.element("HI", seq, "C022", usage, [])
        comps = [("1270", "R", "=" + codes), ("1271", "R", "")] + [
            (d, "N", "") for d in ("1250", "1251", "782", "380", "799", "1271", "1073")]
        for k, (de, cus, cx) in enumerate(comps, start=1):
            el["components"].append(self.element(f"HI{int(seq):02d}-", k, de, cus, [cx] if cx else []))
        self.last_segment["elements"].append(el)

    def copy_loop(self, loop_id, usage):
        # Deep copy of the loop most recently defined with this id (pyx12 repeats 2300 under
        # 2000C); kept as a reference so the JSON stays small.
        self.children().append({"kind": "loop", "id": loop_id, "usage": usage,
                                "copy_of": self.loops_by_id[loop_id]})

    def build(self, lines, dataele_name="dataele"):
        for raw in lines:
            line = raw.rstrip()
            if not line or line.startswith("#"):
                continue
            head, _, name = line.partition(" | ")
            fields = head.split()
            tag = fields[0]
            if tag == "T":
                self.root = {"set": fields[1], "implementation": fields[2],
                             "name": " ".join(fields[3:]), "children": []}
                self.stack = [self.root]
            elif tag == "L":
                self.open_loop(fields[1:], name)
            elif tag == "/":
                self.stack.pop()
            elif tag == "S":
                self.add_segment(fields[1:], name)
            elif tag == "E":
                seq, de, usage = fields[1:4]
                rest = head.split(None, 4)[4] if len(fields) > 4 else ""
                el = self.element(self.last_segment["id"], seq, de, usage, self.split_extras(rest))
                self.last_segment["elements"].append(el)
                self.last_composite = el if el.get("composite") else None
            elif tag == "C":
                seq, de, usage = fields[1:4]
                el = self.element(self.last_segment["id"], seq, de, usage, fields[4:])
                self.last_segment["elements"].append(el)
                self.last_composite = el
            elif tag == "c":
                seq, de, usage = fields[1:4]
                rest = head.split(None, 4)[4] if len(fields) > 4 else ""
                ref = f"{self.last_composite['ref']}-"
                self.last_composite["components"].append(
                    self.element(ref, seq, de, usage, self.split_extras(rest)))
            elif tag == "X":
                self.hi_composite(fields[1], fields[2], fields[3])
            elif tag == "M":
                self.macro(fields[1], fields[2], fields[3:])
            elif tag == "COPY":
                self.copy_loop(fields[1], fields[2])
            else:
                raise SystemExit(f"bad outline line: {line}")
        if len(self.stack) != 1:
            raise SystemExit(f"unbalanced loops: {[l.get('id') for l in self.stack]}")
        return self.root


def fix_component_refs(el):
    # Component refs read CLM05-01, not CLM05-1.
    for k, comp in enumerate(el.get("components", []), start=1):
        comp["ref"] = f"{el['ref']}-{k:02d}"
        comp["pos"] = k


def entry_key(segment):
    """The explicit entry key of a loop (or segment variant): the qualifier that tells it apart.

    HL is told apart by HL03; otherwise a required ID first element (or first component) with
    codes -- the same rule pyx12 applies when it matches segments."""
    els = segment["elements"]
    key = {"segment": segment["id"]}
    if segment["id"] == "HL" and len(els) >= 3 and els[2].get("codes"):
        key.update({"element": 3, "codes": els[2]["codes"]})
        return key
    if not els:
        return key
    first = els[0]
    if first.get("composite"):
        comps = first.get("components", [])
        if comps and comps[0].get("codes") and first["usage"] == "R":
            key.update({"element": 1, "component": 1, "codes": comps[0]["codes"]})
    elif first["usage"] == "R" and first.get("type") == "ID" and first.get("codes"):
        key.update({"element": 1, "codes": first["codes"]})
    return key


def finish(node):
    """Adds entry keys, match keys and same-position groups, recursively."""
    group = -1
    prev_pos = None
    for child in node["children"]:
        pos = child.get("pos")
        if pos is None or pos != prev_pos:
            group += 1
        prev_pos = pos if pos is not None else prev_pos
        child["group"] = group
        if child["kind"] == "segment":
            for el in child["elements"]:
                fix_component_refs(el)
            key = entry_key(child)
            if "codes" in key:
                child["match"] = {k: v for k, v in key.items() if k != "segment"}
        elif "copy_of" not in child:
            finish(child)
            first = child["children"][0]
            child["entry"] = entry_key(first)


def to_spec(root, outline):
    about = OUTLINES[outline]
    spec = {
        "$schema": "./x12_spec.schema.json",
        "id": about["id"],
        "transaction_set": root["set"],
        "implementation": root["implementation"],
        "accepted_versions": about["versions"],
        "functional_id": about["functional_id"],
        "name": root["name"],
        "source": "Derived from the pyx12 implementation-guide maps (3-clause BSD-style license); see README.md",
    }
    body = {"kind": "loop", "id": "ST", "name": "Transaction Set", "usage": "R", "repeat": 1, "pos": "0000",
            "children": root["children"]}
    # ST and SE are envelope segments: kept as header/trailer specs, not walked as body.
    st = body["children"].pop(0)
    se = body["children"].pop()
    assert st["id"] == "ST" and se["id"] == "SE", (st["id"], se["id"])
    # ST03 may carry any accepted version of the guide (the map names only the newest).
    st03 = st["elements"][2]
    if "codes" in st03:
        st03["codes"] = about["versions"]
    finish(body)
    for seg in (st, se):
        for el in seg["elements"]:
            fix_component_refs(el)
    spec["header"] = st
    spec["trailer"] = se
    spec["body"] = body
    return spec


def dump(obj, path):
    """Pretty JSON with every element (and every short list) on one line: diffable, small."""
    def enc(value, indent):
        pad = " " * indent
        if isinstance(value, dict):
            if "ref" in value and "components" not in value or not value:
                return json.dumps(value, ensure_ascii=False)
            items = [f'{pad} {json.dumps(k)}: {enc(v, indent + 1)}' for k, v in value.items()]
            return "{\n" + ",\n".join(items) + "\n" + pad + "}"
        if isinstance(value, list):
            if all(not isinstance(v, (dict, list)) for v in value):
                return json.dumps(value, ensure_ascii=False)
            items = [pad + " " + enc(v, indent + 1) for v in value]
            return "[\n" + ",\n".join(items) + "\n" + pad + "]"
        return json.dumps(value, ensure_ascii=False)
    path.write_text(enc(obj, 0) + "\n")


def main(argv):
    src, out = Path(argv[1]), Path(argv[2])
    out.mkdir(parents=True, exist_ok=True)
    dataele = load_dataele(src / "dataele.outline")
    for outline, about in OUTLINES.items():
        builder = Builder(dataele)
        root = builder.build((src / f"{outline}.outline").read_text().splitlines())
        spec = to_spec(root, outline)
        dump(spec, out / f"{about['id'].lower()}_{root['implementation'].lower()}.json")
    tables = load_codes(src / "codes.outline")
    dump({"$comment": "External code tables referenced by 'code_table' in the specs (pyx12 codes.xml).",
          "tables": tables}, out / "code_tables.json")


if __name__ == "__main__":
    main(sys.argv)
