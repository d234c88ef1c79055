#!/usr/bin/env python3
"""SQL is written in engine/ledger/ only (DESIGN.md): this finds SQL text anywhere else.

    sql_outside_ledger.py [--root DIR] [--allow DIR]... [PATH...]

Scans the C++ sources (.cpp .hpp .h .cc .cxx .hh .ipp .inl) under engine/, parsers/ and
generators/ of the project root (or the PATHs given, files or folders), except engine/ledger/
(--allow adds folders to skip, relative to the root; --allow '' skips nothing). Prints one
line per finding, `path:line: <statement> outside engine/ledger/: "<excerpt>"`, and exits 1
when there is any, 0 when there is none, 2 on a usage error.

What counts as SQL. Every string literal is read as C++ reads it: ordinary, prefixed (u8, u,
U, L) and raw literals (R"delim(...)delim", newlines and quotes included), with adjacent
literals joined into one (as the compiler does, across lines and comments), so a statement
split over several lines is seen whole. Comments and character literals are skipped, and so
are digit separators (1'000); SQL comments (-- and /* */) inside a literal are blanked. A
literal holds SQL when, ignoring case, a statement keyword is followed by what SQL puts after
it (<t> a table or column name, table.column, "quoted" or a {} fmt placeholder):

    SELECT <list> FROM <t>|(          SELECT <number>|?|f(...) then end , ; AS FROM or an operator
    INSERT [OR x] INTO <t>            UPDATE <t> [alias] SET <c> =      DELETE FROM <t>
    CREATE [OR REPLACE|TEMP|UNIQUE] TABLE|INDEX|VIEW|TRIGGER|FUNCTION|... <t> (|ON|AS|BEFORE|...
    ALTER TABLE <t> ADD|DROP|SET|...  DROP TABLE|INDEX|... <t>          TRUNCATE [TABLE] <t>
    PRAGMA <name> =|(                 COPY <t> [(cols)] FROM|TO STDIN|STDOUT|'file'
    WITH [RECURSIVE] <n> AS (SELECT   EXPLAIN [QUERY PLAN] SELECT|...   VACUUM|ANALYZE [<t>] alone
    FROM <t> [alias] WHERE <c> =|IN   JOIN <t> [alias] ON <c> =          SET LOCAL|SESSION x =|TO
    WHERE|AND <c> =|<|IN ( ?|$1       ORDER BY <c>[, <c>] LIMIT n|?      SET some_setting =|TO
    BEGIN/COMMIT/ROLLBACK/SAVEPOINT/RELEASE/START TRANSACTION as whole statements

How prose stays out: a keyword alone is never enough. "select a payer", "update the claim",
"delete from the list", "create a batch" and "insert into the queue" fail because the word
after the keyword must be a table or column name and an English determiner (a, an, the, this,
your, each, ...) is not accepted as one; SELECT needs a FROM and a select list without a
determiner in it, or a number, placeholder or balanced function call followed by what ends a
select item ("select 2 payers" is prose); UPDATE needs SET and `=`; CREATE needs a schema
object kind and what follows its name; PRAGMA needs `=` or `(` after its name (or capitals:
"PRAGMA foreign_keys" alone); a statement-initial SET names a setting with `_` or `.` in it
(or LOCAL/SESSION); COPY needs STDIN, STDOUT or a quoted file; a WHERE fragment compares with
a bound parameter. BEGIN, COMMIT and ROLLBACK count when they are the whole literal (or a
`;`-separated part of it) and either carry their SQL words (BEGIN IMMEDIATE, COMMIT
TRANSACTION, ROLLBACK TO x, SAVEPOINT x) or are written in capitals: a lowercase "commit" or
"begin" alone is a value (an event name, a subcommand), not a statement.
"""

import argparse
import os
import re
import sys

SOURCE_SUFFIXES = (".cpp", ".hpp", ".h", ".cc", ".cxx", ".hh", ".ipp", ".inl")
SCANNED_FOLDERS = ("engine", "parsers", "generators")
ALLOWED_FOLDERS = ("engine/ledger",)

# ---------------------------------------------------------------------------------------------
# C++ string literals


class Literal:
    """One logical string literal (adjacent literals joined): its text, and the source line of
    every character of it."""

    def __init__(self):
        self.text = []
        self.lines = []

    def add(self, text, line_of_each):
        self.text.append(text)
        self.lines.extend(line_of_each)

    def value(self):
        return "".join(self.text)


_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "0": "\0", "\\": "\\", '"': '"', "'": "'", "?": "?", "a": "\a",
            "b": "\b", "f": "\f", "v": "\v"}
_STRING_PREFIXES = ("u8", "u", "U", "L", "")


def string_literals(source):
    """Yields the logical string literals of C++ source text."""
    i, n, line = 0, len(source), 1
    current = None  # the literal being joined, until a token other than a literal comes
    found = []

    def finish():
        nonlocal current
        if current is not None and current.text:
            found.append(current)
        current = None

    while i < n:
        c = source[i]
        if c == "\n":
            line += 1
            i += 1
            continue
        if c in " \t\r\f\v\\":
            i += 1
            continue
        if source.startswith("//", i):
            end = source.find("\n", i)
            i = n if end < 0 else end
            continue
        if source.startswith("/*", i):
            end = source.find("*/", i + 2)
            end = n if end < 0 else end + 2
            line += source.count("\n", i, end)
            i = end
            continue
        if c == "#" and _at_line_start(source, i):
            # A preprocessor line: #include "x.hpp" is a file name, not text. Other directives
            # (#define X "SELECT ...") are scanned like code after the directive name.
            m = re.compile(r"#\s*(include|include_next|import|line|pragma|error|warning)\b").match(source, i)
            if m:
                end = source.find("\n", i)
                i = n if end < 0 else end
                finish()
                continue
            i += 1
            continue
        m = _IDENT.match(source, i)
        if m:
            word = m.group(0)
            after = m.end()
            if after < n and source[after] == '"' and word in ("R", "u8R", "uR", "UR", "LR"):
                text, lines, i, line = _raw_string(source, after, line)
                current = current or Literal()
                current.add(text, lines)
                continue
            if after < n and source[after] == '"' and word in _STRING_PREFIXES:
                text, lines, i, line = _ordinary_string(source, after, line)
                current = current or Literal()
                current.add(text, lines)
                continue
            if after < n and source[after] == "'" and word in _STRING_PREFIXES:
                i, line = _char_literal(source, after, line)
                finish()
                continue
            i = after
            finish()
            continue
        if c.isdigit() or (c == "." and i + 1 < n and source[i + 1].isdigit()):
            i = _pp_number(source, i)
            finish()
            continue
        if c == '"':
            text, lines, i, line = _ordinary_string(source, i, line)
            current = current or Literal()
            current.add(text, lines)
            continue
        if c == "'":
            i, line = _char_literal(source, i, line)
            finish()
            continue
        # Any other token ends the literal being joined.
        i += 1
        finish()
    finish()
    return found


_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _at_line_start(source, i):
    j = i - 1
    while j >= 0 and source[j] in " \t":
        j -= 1
    return j < 0 or source[j] == "\n"


def _pp_number(source, i):
    """Skips a preprocessing number: 1'000'000, 0x1F, 1.5e-3, 10ull."""
    n = len(source)
    i += 1
    while i < n:
        c = source[i]
        if c.isalnum() or c in "._":
            if c in "eEpP" and i + 1 < n and source[i + 1] in "+-":
                i += 2
                continue
            i += 1
        elif c == "'" and i + 1 < n and source[i + 1].isalnum():
            i += 1
        else:
            break
    return i


def _ordinary_string(source, i, line):
    """source[i] is the opening quote. Returns (text, line of each char, index after, line)."""
    n = len(source)
    i += 1
    text, lines = [], []
    while i < n:
        c = source[i]
        if c == '"':
            return "".join(text), lines, i + 1, line
        if c == "\n":  # unterminated: stop at the end of the line as the compiler would complain
            return "".join(text), lines, i, line
        if c == "\\" and i + 1 < n:
            nxt = source[i + 1]
            if nxt == "\n":  # line splice
                line += 1
                i += 2
                continue
            text.append(_ESCAPES.get(nxt, nxt))
            lines.append(line)
            i += 2
            continue
        text.append(c)
        lines.append(line)
        i += 1
    return "".join(text), lines, n, line


def _raw_string(source, i, line):
    """source[i] is the quote after R. Returns (text, line of each char, index after, line)."""
    open_paren = source.find("(", i + 1)
    if open_paren < 0:
        return "", [], len(source), line
    delimiter = source[i + 1:open_paren]
    close = source.find(")" + delimiter + '"', open_paren + 1)
    if close < 0:
        close = len(source)
    text = source[open_paren + 1:close]
    lines = []
    for ch in text:
        lines.append(line)
        if ch == "\n":
            line += 1
    line += source.count("\n", i, open_paren + 1)
    end = min(len(source), close + len(delimiter) + 2)
    return text, lines, end, line


def _char_literal(source, i, line):
    n = len(source)
    i += 1
    while i < n and source[i] != "'" and source[i] != "\n":
        i += 2 if source[i] == "\\" else 1
    return min(n, i + 1), line


# ---------------------------------------------------------------------------------------------
# SQL statements

DETERMINERS = {"a", "an", "the", "this", "that", "these", "those", "your", "our", "my", "its", "their", "his",
               "her", "each", "every", "any", "some", "all", "no", "one", "another", "which", "what", "it", "them",
               "you", "me", "us"}

_NAME = r"(?:[a-z_][a-z0-9_$]*(?:\.[a-z_][a-z0-9_$]*)?|\"[^\"]+\"|\{[^{}]*\})"  # table.column, "quoted", {} (fmt)
_OBJECT_KINDS = r"(?:table|index|view|trigger|function|procedure|sequence|schema|type|extension|database|role|user|domain|virtual\s+table|materialized\s+view)"

# Each: (statement name, compiled pattern, names of groups that must not be determiners)
_PATTERNS = [
    ("SELECT", re.compile(r"\bselect\s+(?:distinct\s+|all\s+)?(?P<list>[^;]+?)\s+from\s*(?P<src>\(|" + _NAME + r")"), ("src",)),
    ("INSERT", re.compile(r"\binsert\s+(?:or\s+(?:replace|ignore|abort|fail|rollback)\s+)?into\s+(?P<t>" + _NAME + r")"), ("t",)),
    ("REPLACE", re.compile(r"\breplace\s+into\s+(?P<t>" + _NAME + r")\s*[(]"), ("t",)),
    ("UPDATE", re.compile(r"\bupdate\s+(?:or\s+[a-z]+\s+)?(?:only\s+)?(?P<t>" + _NAME + r")(?:\s+(?:as\s+)?[a-z_][a-z0-9_]*)?\s+set\s+(?P<c>" + _NAME + r"|\()\s*(?:=|\))"), ("t", "c")),
    ("DELETE", re.compile(r"\bdelete\s+from\s+(?:only\s+)?(?P<t>" + _NAME + r")"), ("t",)),
    ("CREATE", re.compile(r"\bcreate\s+(?:or\s+replace\s+)?(?:temp(?:orary)?\s+|unique\s+|unlogged\s+)*" + _OBJECT_KINDS +
                          r"\s+(?:if\s+not\s+exists\s+)?(?:concurrently\s+)?(?P<n>" + _NAME +
                          r")\s*(?:\(|$|;|\bon\b|\bas\b|\bbefore\b|\bafter\b|\binstead\b|\busing\b|\bfor\b|\bwith\b|\breturns\b)"), ("n",)),
    ("CREATE", re.compile(r"\bcreate\s+(?:unique\s+)?index\s+on\s+" + _NAME + r"\s*\("), ()),
    ("ALTER", re.compile(r"\balter\s+" + _OBJECT_KINDS + r"\s+(?:if\s+exists\s+)?(?:only\s+)?(?P<t>" + _NAME +
                         r")\s+(?:add|drop|rename|alter|set|owner|enable|disable|attach|detach)\b"), ("t",)),
    ("DROP", re.compile(r"\bdrop\s+" + _OBJECT_KINDS + r"\s+(?:if\s+exists\s+)?(?P<t>" + _NAME + r")\s*(?:$|;|,|\bcascade\b|\brestrict\b|\bon\b|\()"), ("t",)),
    ("TRUNCATE", re.compile(r"\btruncate\s+(?:table\s+)?(?:only\s+)?(?P<t>" + _NAME + r")\s*(?:$|;|,|\brestart\b|\bcascade\b|\bcontinue\b)"), ("t",)),
    ("PRAGMA", re.compile(r"\bpragma\s+(?P<n>[a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)?)\s*(?:=|\()"), ("n",)),
    ("COPY", re.compile(r"\bcopy\s+(?P<t>" + _NAME + r"|\()[^;]*?\b(?:from|to)\s+(?:stdin|stdout|'|program\b)"), ("t",)),
    ("WITH", re.compile(r"\bwith\s+(?:recursive\s+)?(?P<n>[a-z_][a-z0-9_]*)\s*(?:\([^)]*\)\s*)?as\s*(?:(?:not\s+)?materialized\s*)?\(\s*(?:select|insert|update|delete|values|with)\b"), ("n",)),
    ("EXPLAIN", re.compile(r"\bexplain\s+(?:query\s+plan\s+|analy[sz]e\s+)?(?:select|insert|update|delete|with)\b"), ()),
    (None, re.compile(r"(?:^|;)\s*(?P<kw>vacuum|analyze|reindex)(?:\s+" + _NAME + r")?\s*(?:;|$)"), ()),
    ("FROM ... WHERE", re.compile(r"\bfrom\s+(?P<t>" + _NAME + r")(?:\s+(?:as\s+)?(?P<a>[a-z_][a-z0-9_]*))?\s+where\s+" + _NAME +
                                  r"\s*(?:=|<>|!=|<=|>=|<|>|\bin\s*\(|\bis\s+(?:not\s+)?null\b|\blike\b)"), ("t", "a")),
    ("JOIN", re.compile(r"\bjoin\s+(?P<t>" + _NAME + r")(?:\s+(?:as\s+)?(?P<a>[a-z_][a-z0-9_]*))?\s+on\s+" + _NAME + r"\s*="), ("t", "a")),
    # Fragments appended to a statement built elsewhere: a condition on a bound parameter, an
    # ORDER BY with a LIMIT.
    ("WHERE", re.compile(r"\b(?:where|and|or|having)\s+" + _NAME + r"\s*(?:=|<>|!=|<=|>=|<|>|\blike\b|\bin\s*\()\s*(?:\?|\$\d+)"), ()),
    ("ORDER BY", re.compile(r"\border\s+by\s+" + _NAME + r"(?:\s+(?:asc|desc))?(?:\s*,\s*" + _NAME +
                            r"(?:\s+(?:asc|desc))?)*\s+limit\s+(?:\d+|\?)"), ()),
    ("SET", re.compile(r"(?:^|;)\s*set\s+(?:(?:local|session)\s+[a-z_.]+|[a-z]+[_.][a-z_.]+)\s*(?:=|\bto\b)"), ()),
]

# Transaction control: the whole statement (a literal, or a ;-separated part of it).
_TRANSACTION_WITH_WORDS = re.compile(
    r"^(?:begin\s+(?:deferred|immediate|exclusive|transaction|work|isolation)\b.*|"
    r"(?:commit|end|rollback|abort)\s+(?:transaction|work|and\s+(?:no\s+)?chain)\b.*|"
    r"rollback\s+(?:transaction\s+|work\s+)?to\s+(?:savepoint\s+)?[a-z_][a-z0-9_]*|"
    r"savepoint\s+[a-z_][a-z0-9_]*|release\s+(?:savepoint\s+)?[a-z_][a-z0-9_]*|"
    r"start\s+transaction\b.*|prepare\s+transaction\s+'.*|commit\s+prepared\s+'.*)$")
_TRANSACTION_BARE = re.compile(r"^(?:BEGIN|COMMIT|ROLLBACK)$")
# Written in capitals, PRAGMA name alone (a query of the setting) is a statement too.
_PRAGMA_QUERY = re.compile(r"(?:^|;)\s*PRAGMA\s+[A-Za-z_][A-Za-z0-9_.]*\s*(?:;|$)")
# SQL comments, blanked (offsets kept) so that a commented statement reads as one.
_SQL_COMMENT = re.compile(r"--[^\n]*|/\*.*?\*/", re.S)


def _statements(text):
    """The ;-separated parts of a literal, stripped, with their offsets."""
    start = 0
    for part in text.split(";"):
        stripped = part.strip()
        if stripped:
            yield stripped, start + part.index(stripped)
        start += len(part) + 1


# SELECT without FROM: a number, a placeholder, or a function call (parentheses balanced), then
# the end of the statement, a comma, AS, FROM, an operator or a closing parenthesis.
_SELECT_VALUE = re.compile(r"\bselect\s+(?:(?:\d+|\?|\$\d+)|(?P<call>[a-z_][a-z0-9_]*\s*\())")
_AFTER_VALUE = re.compile(r"\s*(?:$|[,;)=<>+*/|-]|(?:from|as|where|limit|union)\b)")


def _select_value(lowered):
    for m in _SELECT_VALUE.finditer(lowered):
        end = m.end()
        if m.group("call"):
            depth = 1
            while end < len(lowered) and depth:
                depth += {"(": 1, ")": -1}.get(lowered[end], 0)
                end += 1
            if depth:
                continue
        if _AFTER_VALUE.match(lowered, end):
            return m.start()
    return None


def find_sql(text):
    """(statement name, offset in text) of the first SQL statement in a literal's text, or None."""
    text = _SQL_COMMENT.sub(lambda m: " " * len(m.group(0)), text)
    lowered = text.lower()
    hits = []
    m = _PRAGMA_QUERY.search(text)
    if m:
        hits.append((m.start() + len(m.group(0)) - len(m.group(0).lstrip("; \t\n")), "PRAGMA"))
    for name, pattern, plain_words in _PATTERNS:
        for m in pattern.finditer(lowered):
            words = [m.group(g) for g in plain_words if m.group(g)]
            if any(w.strip('"') in DETERMINERS for w in words):
                continue
            if "list" in m.groupdict() and m.group("list") is not None:
                select_list = m.group("list")
                if any(w in DETERMINERS for w in re.findall(r"[a-z_][a-z0-9_]*", select_list)
                       if not _inside_quotes(select_list, w)):
                    continue
            hits.append((m.start(), name or m.group("kw").upper()))
            break
    value = _select_value(lowered)
    if value is not None:
        hits.append((value, "SELECT"))
    for statement, offset in _statements(text):
        collapsed = re.sub(r"\s+", " ", statement)
        if _TRANSACTION_WITH_WORDS.match(collapsed.lower()) or _TRANSACTION_BARE.match(collapsed):
            hits.append((offset, collapsed.split(" ")[0].upper()))
            break
    if not hits:
        return None
    offset, name = min(hits)
    return name, offset


def _inside_quotes(text, word):
    """True when every occurrence of word in text is inside '...' (an SQL string)."""
    outside = re.sub(r"'[^']*'", " ", text)
    return re.search(r"\b" + re.escape(word) + r"\b", outside) is None


# ---------------------------------------------------------------------------------------------
# Files


def scan_file(path):
    """[(line, statement, excerpt)] for one source file."""
    with open(path, encoding="utf-8", errors="replace") as f:
        source = f.read()
    findings = []
    for literal in string_literals(source):
        text = literal.value()
        hit = find_sql(text)
        if hit is None:
            continue
        name, offset = hit
        line = literal.lines[offset] if offset < len(literal.lines) else literal.lines[-1]
        excerpt = re.sub(r"\s+", " ", text[offset:offset + 60]).strip()
        findings.append((line, name, excerpt))
    return findings


def source_files(root, paths, allowed):
    allowed_abs = [os.path.normpath(os.path.join(root, a)) for a in allowed if a]

    def skipped(p):
        p = os.path.normpath(os.path.abspath(p))
        return any(p == a or p.startswith(a + os.sep) for a in allowed_abs)

    for p in paths:
        p = os.path.join(root, p) if not os.path.isabs(p) else p
        if os.path.isfile(p):
            if not skipped(p):
                yield p
            continue
        for folder, dirs, files in os.walk(p):
            dirs.sort()
            if skipped(folder):
                dirs[:] = []
                continue
            for name in sorted(files):
                if name.endswith(SOURCE_SUFFIXES):
                    yield os.path.join(folder, name)


def main(argv):
    parser = argparse.ArgumentParser(description="Finds SQL written outside engine/ledger/.")
    parser.add_argument("--root", default=os.path.normpath(os.path.join(os.path.dirname(__file__), "..", "..")))
    parser.add_argument("--allow", action="append", help="folder (relative to the root) where SQL belongs")
    parser.add_argument("paths", nargs="*")
    args = parser.parse_args(argv)
    root = os.path.abspath(args.root)
    allowed = ALLOWED_FOLDERS if args.allow is None else tuple(args.allow)
    paths = args.paths or [f for f in SCANNED_FOLDERS if os.path.isdir(os.path.join(root, f))]
    count = 0
    for path in source_files(root, paths, allowed):
        for line, name, excerpt in scan_file(path):
            print(f'{os.path.relpath(path, root)}:{line}: {name} outside engine/ledger/: "{excerpt}"')
            count += 1
    if count:
        print(f"{count} SQL statement(s) outside engine/ledger/: move them into a ledger function "
              f"(engine/ledger/) that returns values.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
