#!/usr/bin/env python3
"""Self-test of sql_outside_ledger.py: it names every planted statement (split, raw, prefixed,
lowercase) by file and line, leaves engine/ledger/ and English prose alone, and finds the SQL
the ledger itself writes when the ledger is not exempted (so a statement moved out of it would
be caught)."""

import os
import re
import subprocess
import sys
import tempfile
import textwrap
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
CHECKER = os.path.join(HERE, "sql_outside_ledger.py")
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, HERE)
import sql_outside_ledger  # noqa: E402

# Each planted statement sits on a line ending in `// SQL`: the line the checker must name.
PLANTED = textwrap.dedent('''\
    #include "engine/report/select_helpers.hpp"
    // SELECT id FROM claims  (a comment: not code)
    namespace x {
    constexpr long kMany = 1'000'000;  // digit separators are not character literals
    constexpr char kQuote = '"';       // nor is a quote in a character literal a string
    void f(Connection& c) {
      c.prepare("SELECT id, claim_id "  // SQL
                "FROM claims WHERE payer_id = ?");
      c.execute(R"sql(
        update claims   -- SQL
           set status = ?
         where id = ?)sql");
      c.prepare(u8"insert into fee_schedule (payer_id) values (?)");  // SQL
      c.execute(fmt::format("PRAGMA cache_size=-{}", 8192));  // SQL
      c.execute("BEGIN IMMEDIATE");  // SQL
      c.execute("COMMIT");  // SQL
      c.prepare("DELETE " /* a comment between the pieces */  // SQL
                "FROM worklist_items WHERE id = ?");
      c.execute("COPY claims (id, status) FROM STDIN");  // SQL
      c.prepare(fmt::format("SELECT {} FROM {} WHERE id = ?", columns, table));  // SQL
      c.prepare(std::string(kColumns) + " WHERE file_name = ? ORDER BY id DESC LIMIT 1");  // SQL
      c.prepare(L"WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq) SELECT n FROM seq");  // SQL
      c.prepare("select max(id) from claims");  // SQL
      c.execute("SELECT pg_advisory_lock(728301)");  // SQL
      c.execute("CREATE INDEX IF NOT EXISTS claims_by_status ON claims (status)");  // SQL
    }
    }  // namespace x
    ''')

# English that names the same verbs: none of it is SQL.
PROSE = textwrap.dedent('''\
    const char* kMessages[] = {
        "select a payer",
        "Select a payer from the list on the left",
        "select from: json, csv or table",
        "update the claim before you resubmit it",
        "Update claim status from the 277CA",
        "delete from the worklist the items you resolved",
        "create a batch per receiver",
        "cannot create the spool directory {}",
        "insert into the queue",
        "begin", "commit", "rollback",  // event names
        "Copy the file from stdin to the batch directory",
        "where ISA13 = GS06 the interchange is matched",
        "select 2 payers at most",
        "drop the table of contents",
        "pragma: this is not a pragma statement",
        "the claim was selected from the 835; its status is updated",
    };
    ''')

LEDGER_SQL = 'void g(Connection& c) { c.prepare("SELECT id FROM claims WHERE claim_id = ?"); }\n'


def expected_lines(text):
    return [i + 1 for i, line in enumerate(text.splitlines()) if line.rstrip().endswith("// SQL") or "-- SQL" in line]


class PlantedViolations(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        root = self.tmp.name
        for folder in ("engine/report", "engine/ledger", "parsers/x12", "generators/render"):
            os.makedirs(os.path.join(root, folder))
        self.write("engine/report/planted.cpp", PLANTED)
        self.write("parsers/x12/messages.hpp", PROSE)
        self.write("generators/render/messages.cpp", PROSE)
        self.write("engine/ledger/store.cpp", LEDGER_SQL)

    def tearDown(self):
        self.tmp.cleanup()

    def write(self, path, text):
        with open(os.path.join(self.tmp.name, path), "w", encoding="utf-8") as f:
            f.write(text)

    def run_checker(self, *args):
        return subprocess.run([sys.executable, CHECKER, "--root", self.tmp.name, *args], capture_output=True,
                              text=True, check=False)

    def test_names_every_planted_statement_by_file_and_line_and_nothing_else(self):
        result = self.run_checker()
        self.assertEqual(result.returncode, 1, result.stdout + result.stderr)
        found = [line.split(":")[:2] for line in result.stdout.splitlines()]
        self.assertEqual(found, [["engine/report/planted.cpp", str(n)] for n in expected_lines(PLANTED)],
                         result.stdout)

    def test_a_clean_tree_passes(self):
        os.remove(os.path.join(self.tmp.name, "engine/report/planted.cpp"))
        result = self.run_checker()
        self.assertEqual(result.returncode, 0, result.stdout)
        self.assertEqual(result.stdout, "")

    def test_the_ledger_is_checked_when_not_exempted(self):
        result = self.run_checker("--allow", "", "engine/ledger")
        self.assertEqual(result.returncode, 1)
        self.assertIn("engine/ledger/store.cpp:1: SELECT", result.stdout)


class Prose(unittest.TestCase):
    def test_no_message_is_taken_for_sql(self):
        for literal in sql_outside_ledger.string_literals(PROSE):
            self.assertIsNone(sql_outside_ledger.find_sql(literal.value()), literal.value())


class RealLedger(unittest.TestCase):
    """Recall on SQL as this project writes it: every statement the ledger prepares or executes
    from a literal is found when the ledger is scanned like any other folder."""

    def test_every_ledger_statement_written_as_a_literal_is_found(self):
        ledger = os.path.join(ROOT, "engine", "ledger")
        call = re.compile(r"\b(?:prepare|execute)\(\s*(?:std::string\(\s*)?(?:fmt::format\(\s*)?(?:R|u8)?\"")
        checked = 0
        for path in sql_outside_ledger.source_files(ROOT, [ledger], ()):
            with open(path, encoding="utf-8") as f:
                source = f.read()
            found = {line for line, _, _ in sql_outside_ledger.scan_file(path)}
            for m in call.finditer(source):
                line = source.count("\n", 0, m.end()) + 1
                literal = m.group(0)
                checked += 1
                self.assertIn(line, found, f"{os.path.relpath(path, ROOT)}:{line}: {literal}... not taken for SQL")
        self.assertGreater(checked, 20)


if __name__ == "__main__":
    unittest.main(verbosity=1)
