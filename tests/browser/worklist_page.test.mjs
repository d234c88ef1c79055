// The worklist page in a real browser: Debian's headless Chromium driven by playwright-core.
// Starts `clearhouse serve` on a free loopback port over a fresh SQLite ledger, seeds it the
// way a clearinghouse would (POST /v1/claims with samples/encounters.jsonl, POST
// /v1/remittances with samples/remittance.835: the rules pipeline opens the worklist items),
// then, as a biller: signs in with a token, sees the seeded worklist, filters by a category,
// opens a claim, reads why it was adjusted, resolves it with a note, and sees it leave the open
// list. Screenshots go to $CLEARHOUSE_BROWSER_OUT. Exit 0 on success, 1 on failure.
//
// Environment: CLEARHOUSE_BINARY, CLEARHOUSE_SOURCE_DIR, CLEARHOUSE_BROWSER_OUT (all set by run.sh).
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import assert from 'node:assert/strict';

const binary = process.env.CLEARHOUSE_BINARY;
const sourceDir = process.env.CLEARHOUSE_SOURCE_DIR;
const outDir = process.env.CLEARHOUSE_BROWSER_OUT;
if (!binary || !sourceDir || !outDir) {
  console.error('set CLEARHOUSE_BINARY, CLEARHOUSE_SOURCE_DIR and CLEARHOUSE_BROWSER_OUT (run.sh does)');
  process.exit(2);
}
const BILLER = 'browser-biller-token-0001';
const SUBMITTER = 'browser-submitter-token-02';
const TIMEOUT = 20000;

fs.rmSync(outDir, { recursive: true, force: true });
fs.mkdirSync(outDir, { recursive: true });
const step = (text) => console.log(`[browser] ${text}`);

function startServer() {
  return new Promise((resolve, reject) => {
    const log = fs.openSync(path.join(outDir, 'serve.log'), 'w');
    const child = spawn(binary, ['serve', '--listen', '127.0.0.1:0', '--db', `sqlite:${path.join(outDir, 'ledger.db')}`,
      '--batch-dir', path.join(outDir, 'batches'), '--spool-dir', path.join(outDir, 'spool'), '--as-of', '2024-07-15'], {
      env: { ...process.env, CLEARHOUSE_TOKENS: `${BILLER}:biller:Dana Biller,${SUBMITTER}:submitter` },
      stdio: ['ignore', 'pipe', log],
    });
    let buffered = '';
    const timer = setTimeout(() => reject(new Error('clearhouse serve did not start')), TIMEOUT);
    child.stdout.on('data', (chunk) => {
      buffered += chunk;
      const m = /"listening":"([^"]+)"/.exec(buffered);
      if (m) {
        clearTimeout(timer);
        resolve({ child, base: `http://${m[1]}` });
      }
    });
    child.on('exit', (code) => reject(new Error(`clearhouse serve exited with ${code}`)));
  });
}

async function api(base, token, method, route, body, contentType) {
  const res = await fetch(base + route, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(contentType ? { 'Content-Type': contentType } : {}) },
    body,
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}

async function rowIds(page) {
  return page.$$eval('#worklist tbody tr', (rows) => rows.map((r) => r.dataset.claimId));
}

let server;
let context;
let userDataDir;
let failed = false;
try {
  server = await startServer();
  const { base } = server;
  step(`clearhouse serve on ${base}`);

  // Seed the ledger through the API, as an integration would.
  const encounters = fs.readFileSync(path.join(sourceDir, 'samples', 'encounters.jsonl'));
  const submitted = await api(base, SUBMITTER, 'POST', '/v1/claims', encounters, 'application/x-ndjson');
  assert.equal(submitted.status, 200, JSON.stringify(submitted.json));
  const remittance = fs.readFileSync(path.join(sourceDir, 'samples', 'remittance.835'));
  const posted = await api(base, SUBMITTER, 'POST', '/v1/remittances', remittance, 'application/edi-x12');
  assert.equal(posted.status, 200, JSON.stringify(posted.json));
  const payments = fs.readFileSync(path.join(sourceDir, 'samples', 'patient-payments.csv'));
  const paid = await api(base, SUBMITTER, 'POST', '/v1/patient-payments', payments, 'text/csv');
  assert.equal(paid.status, 200, JSON.stringify(paid.json));
  const seeded = await api(base, BILLER, 'GET', '/v1/worklist');
  assert.equal(seeded.status, 200);
  const seededIds = seeded.json.items.map((i) => i.claim_id).sort();
  assert.ok(seededIds.length >= 2, `the samples should open several items, got ${seededIds.length}`);
  const categories = [...new Set(seeded.json.items.map((i) => i.category))];
  assert.ok(categories.length >= 2, 'the samples should span several categories');
  // The category to filter by, and the claim to work: the first item of the least common category.
  const category = categories.sort((a, b) =>
    seeded.json.items.filter((i) => i.category === a).length - seeded.json.items.filter((i) => i.category === b).length)[0];
  const target = seeded.json.items.find((i) => i.category === category);
  step(`seeded: ${submitted.json.claims} claims, ${posted.json.claims} payments, worklist ${seededIds.join(', ')}`);

  userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clearhouse-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CLEARHOUSE_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1400, height: 900 },
  });
  const page = context.pages()[0] || (await context.newPage());
  page.setDefaultTimeout(TIMEOUT);
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  page.on('request', (r) => { if (!r.url().startsWith(base) && !r.url().startsWith('data:')) problems.push(`off-origin request: ${r.url()}`); });

  // 1. Sign in (a wrong token first: refused with a message, nothing shown).
  await page.goto(base + '/');
  await page.waitForSelector('#signin:not([hidden])');
  await page.fill('#token', 'not-a-valid-token-at-all');
  await page.click('#signin-button');
  await page.waitForSelector('#signin-error:not([hidden])');
  assert.ok(await page.isHidden('#app'));
  // Chromium logs that refused request (401) as a console error; nothing else may be one.
  problems.splice(0, problems.length, ...problems.filter((p) => !/status of 401/.test(p)));
  await page.fill('#token', BILLER);
  await page.click('#signin-button');
  await page.waitForSelector('#app:not([hidden])');
  step('signed in');

  // 2. The seeded worklist, and the charts drawn from the report.
  await page.waitForFunction((n) => document.querySelectorAll('#worklist tbody tr').length === n, seededIds.length);
  assert.deepEqual((await rowIds(page)).sort(), seededIds);
  await page.waitForSelector('#chart-categories g[data-label]');
  await page.waitForSelector('#chart-aging g[data-label]');
  const bars = await page.$$eval('#chart-categories g[data-label]', (gs) => gs.map((g) => g.dataset.label));
  assert.ok(bars.includes(category), `denials chart shows ${category}: ${bars}`);
  step(`worklist shows ${seededIds.length} items; charts: ${bars.join(', ')}`);
  // The claims due a secondary claim (GET /v1/secondary/due): the samples name other coverage.
  const due = await api(base, BILLER, 'GET', '/v1/secondary/due');
  assert.equal(due.status, 200);
  const dueIds = due.json.claims.map((c) => c.claim_id).sort();
  assert.ok(dueIds.length >= 1, 'the samples leave a claim due a secondary claim');
  await page.waitForFunction((n) => document.querySelectorAll('#secondary tbody tr').length === n, dueIds.length);
  assert.deepEqual((await page.$$eval('#secondary tbody tr', (trs) => trs.map((t) => t.dataset.claimId))).sort(), dueIds);
  step(`due a secondary claim: ${dueIds.join(', ')}`);
  await page.screenshot({ path: path.join(outDir, 'worklist.png'), fullPage: true });

  // Sorting by amount puts the largest first.
  await page.click('th[data-key="amount_cents"] button');
  assert.equal(await page.getAttribute('th[data-key="amount_cents"]', 'aria-sort'), 'descending');
  const largest = [...seeded.json.items].sort((a, b) => b.amount_cents - a.amount_cents)[0].claim_id;
  assert.equal((await rowIds(page))[0], largest);

  // 3. Filter by a category.
  await page.selectOption('#filter-category', category);
  const expected = seeded.json.items.filter((i) => i.category === category).map((i) => i.claim_id).sort();
  await page.waitForFunction((n) => {
    const rows = [...document.querySelectorAll('#worklist tbody tr')];
    return rows.length === n;
  }, expected.length);
  const filtered = await page.$$eval('#worklist tbody tr', (rows) => rows.map((r) => r.dataset.category));
  assert.ok(filtered.every((c) => c === category), `every row is ${category}: ${filtered}`);
  assert.deepEqual((await rowIds(page)).sort(), expected);
  step(`filtered by ${category}: ${expected.join(', ')}`);

  // 4. Open a claim: lines, what was paid and adjusted and why, history.
  await page.click(`#worklist tbody tr[data-claim-id="${target.claim_id}"] .claim-link`);
  await page.waitForSelector('#detail:not([hidden])');
  await page.waitForSelector('#detail[aria-busy="false"]');
  await page.waitForSelector('#detail-worklist');
  assert.equal(await page.textContent('#detail-title'), `Claim ${target.claim_id}`);
  const detail = await api(base, BILLER, 'GET', `/v1/claims/${encodeURIComponent(target.claim_id)}`);
  assert.equal(detail.status, 200);
  const words = detail.json.lines.flatMap((l) => (l.reasons || []).map((r) => r.description));
  const panelText = await page.textContent('#detail');
  for (const w of words) assert.ok(panelText.includes(w), `the panel explains "${w}"`);
  assert.ok(await page.isVisible('#actions'));
  await page.screenshot({ path: path.join(outDir, 'claim-detail.png'), fullPage: true });
  step(`opened ${target.claim_id}: ${words.length} reason(s) in words`);

  // 5. Resolve it with a note; it leaves the open list.
  await page.fill('#resolve-note', 'Corrected claim sent with the missing information');
  await page.click('#resolve-button');
  // The page says "Resolved" once the list and the claim's panel are redrawn; the panel is
  // aria-busy while it re-fetches (reading it then would see the old status).
  await page.waitForFunction(() => /Resolved/.test(document.querySelector('#action-status').textContent));
  await page.waitForSelector('#detail[aria-busy="false"]');
  await page.waitForFunction((id) => !document.querySelector(`#worklist tbody tr[data-claim-id="${id}"]`), target.claim_id);
  assert.equal(await page.textContent('#detail-status'), 'resolved');
  assert.ok(await page.isHidden('#actions'));
  await page.click('#detail-close');
  await page.click('#filter-clear');
  await page.waitForFunction((n) => document.querySelectorAll('#worklist tbody tr').length === n, seededIds.length - 1);
  assert.ok(!(await rowIds(page)).includes(target.claim_id));
  const after = await api(base, BILLER, 'GET', '/v1/worklist?status=resolved');
  const resolved = after.json.items.find((i) => i.claim_id === target.claim_id);
  assert.ok(resolved, 'the item is resolved in the ledger');
  assert.equal(resolved.resolved_by, 'Dana Biller');
  assert.equal(resolved.resolution_note, 'Corrected claim sent with the missing information');
  await page.screenshot({ path: path.join(outDir, 'worklist-after-resolve.png'), fullPage: true });
  step(`resolved ${target.claim_id}; open list now ${(await rowIds(page)).join(', ')}`);

  // 6. The patients view: an account that owes, its payment listed, its statement viewable.
  await page.waitForSelector('#patients tbody tr[data-account]');
  const owing = await page.$$eval('#patients tbody tr[data-account]', (rows) =>
    rows.filter((r) => /^\$[1-9]/.test(r.cells[2].textContent) && r.cells[5].textContent !== 'none').map((r) => r.dataset.account));
  assert.ok(owing.length >= 1, 'an account that owes and has paid is listed');
  await page.click(`#patients tbody tr[data-account="${owing[0]}"] button`);
  await page.waitForSelector('#statement-view:not([hidden])');
  const frame = await (await page.$('#statement-frame')).contentFrame();
  await frame.waitForSelector('text=Why you owe');
  const statementText = await frame.textContent('body');
  assert.match(statementText, /your deductible|your coinsurance|your copay/);
  assert.match(statementText, new RegExp(owing[0]));
  // The statement's own stylesheet applies (the page's policy allows it by its hash).
  const font = await frame.$eval('body', (b) => getComputedStyle(b).fontFamily);
  assert.match(font, /Helvetica/, 'the statement keeps its stylesheet');
  await (await page.$('#statement-frame')).screenshot({ path: path.join(outDir, 'patients-statement.png') });
  step(`statement of ${owing[0]} shown`);

  // 7. Sign out clears the token.
  await page.click('#signout');
  await page.waitForSelector('#signin:not([hidden])');
  assert.equal(await page.evaluate(() => sessionStorage.getItem('clearhouse.token')), null);

  assert.deepEqual(problems, []);
  step(`screenshots in ${outDir}`);
} catch (e) {
  failed = true;
  console.error('[browser] FAILED:', e && e.stack ? e.stack : e);
  try {
    const page = context && context.pages()[0];
    if (page) await page.screenshot({ path: path.join(outDir, 'failure.png'), fullPage: true });
  } catch (_) {
    // best effort
  }
} finally {
  if (context) await context.close().catch(() => {});
  if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
  if (server) {
    const exited = new Promise((r) => server.child.once('exit', r));
    server.child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10000))]);
  }
}
process.exit(failed ? 1 : 0);
