// clearhouse worklist page. Plain modern JavaScript, no build step, no external requests:
// everything comes from this origin's /v1 API with the bearer token the biller signs in with.
// The DOM is built with createElement/textContent only (claim data never becomes markup).

const TOKEN_KEY = 'clearhouse.token';
const $ = (id) => document.getElementById(id);

// The page loads at most this many items per query (the server sorts first, so they are the
// ones that matter most); the count line says when there are more.
const PAGE_LIMIT = 2000;

const state = {
  token: sessionStorage.getItem(TOKEN_KEY) || '',
  items: [],                        // the rows of the last /v1/worklist answer
  total: 0,                         // rows matching on the server (before the limit)
  sort: { key: 'priority', dir: 'desc' },
  selected: null,                   // claim id shown in the detail panel
  categories: new Set(),
  payers: new Set(),
  loadSeq: 0,
};

// ---------- formatting (integer cents, never floating arithmetic on money) ----------

function money(cents) {
  if (cents === null || cents === undefined || Number.isNaN(cents)) return '';
  const negative = cents < 0;
  const abs = Math.abs(Math.trunc(cents));
  const dollars = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const rest = String(abs % 100).padStart(2, '0');
  return `${negative ? '-' : ''}$${dollars}.${rest}`;
}

function centsFromDollars(text) {
  const m = /^\s*(\d+)(?:\.(\d{1,2}))?\s*$/.exec(text || '');
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] || '').padEnd(2, '0'));
}

function words(key) {
  return String(key || '').replace(/_/g, ' ');
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else if (k.startsWith('data-')) node.setAttribute(k, v);
    else if (k in node) node[k] = v;
    else node.setAttribute(k, v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

// ---------- the API ----------

class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

async function api(path, { method = 'GET', body } = {}) {
  const headers = { Authorization: `Bearer ${state.token}`, Accept: 'application/json' };
  const init = { method, headers, cache: 'no-store', credentials: 'omit', referrerPolicy: 'no-referrer' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let res;
  try {
    res = await fetch(path, init);
  } catch (e) {
    throw new ApiError(0, 'network', 'The service cannot be reached.');
  }
  let data = null;
  const text = await res.text();
  try {
    data = text ? JSON.parse(text) : null;
  } catch (e) {
    data = null;
  }
  if (!res.ok) {
    const err = data && data.error ? data.error : { code: 'http_' + res.status, message: res.statusText };
    if (res.status === 401) signOut('Your token was not accepted. Sign in again.');
    throw new ApiError(res.status, err.code, err.message || `HTTP ${res.status}`);
  }
  return data;
}

// ---------- sign in / out ----------

function showSignedIn(signedIn) {
  $('signin').hidden = signedIn;
  $('app').hidden = !signedIn;
  $('session').hidden = !signedIn;
  if (!signedIn) closeDetail();
}

function signOut(message) {
  state.token = '';
  sessionStorage.removeItem(TOKEN_KEY);
  state.items = [];
  showSignedIn(false);
  const err = $('signin-error');
  err.hidden = !message;
  err.textContent = message || '';
  $('token').value = '';
  $('token').focus();
}

async function signIn(token) {
  state.token = token.trim();
  const err = $('signin-error');
  err.hidden = true;
  $('signin-button').disabled = true;
  try {
    // One cheap authenticated call proves the token before anything is shown.
    await api('/v1/worklist?limit=1');
    sessionStorage.setItem(TOKEN_KEY, state.token);
    showSignedIn(true);
    await refreshAll();
  } catch (e) {
    if (e.status !== 401) {
      state.token = '';
      err.hidden = false;
      err.textContent = e.status === 403 ? 'This token may not read the worklist.' : e.message;
    }
  } finally {
    $('signin-button').disabled = false;
  }
}

// ---------- the worklist ----------

function filterValues() {
  return {
    status: $('filter-status').value,
    category: $('filter-category').value,
    payer: $('filter-payer').value,
    olderThan: $('filter-age').value.trim(),
    minCents: centsFromDollars($('filter-amount').value),
    search: $('filter-search').value.trim().toLowerCase(),
  };
}

async function loadWorklist() {
  const f = filterValues();
  const q = new URLSearchParams();
  q.set('status', f.status);
  q.set('limit', String(PAGE_LIMIT));
  if (f.category) q.set('category', f.category);
  if (f.payer) q.set('payer', f.payer);
  if (/^\d+$/.test(f.olderThan)) q.set('older_than', f.olderThan);
  if (['priority', 'age_days', 'amount_cents'].includes(state.sort.key))
    q.set('sort', { priority: 'priority', age_days: 'age', amount_cents: 'amount' }[state.sort.key]);
  const seq = ++state.loadSeq;
  const data = await api('/v1/worklist?' + q.toString());
  if (seq !== state.loadSeq) return;  // a newer request is on its way
  state.items = (data && data.items) || [];
  state.total = (data && data.total) || state.items.length;
  for (const it of state.items) {
    if (it.category) state.categories.add(it.category);
    if (it.payer_id) state.payers.add(it.payer_id);
  }
  fillSelect($('filter-category'), state.categories, 'All categories', words);
  fillSelect($('filter-payer'), state.payers, 'All payers', (p) => p);
  renderTable();
}

function fillSelect(select, values, allLabel, label) {
  const current = select.value;
  const sorted = [...values].sort();
  const existing = [...select.options].slice(1).map((o) => o.value);
  if (existing.length === sorted.length && existing.every((v, i) => v === sorted[i])) return;
  select.replaceChildren(el('option', { value: '', text: allLabel }),
    ...sorted.map((v) => el('option', { value: v, text: label(v) })));
  select.value = sorted.includes(current) ? current : '';
}

function visibleItems() {
  const f = filterValues();
  let rows = state.items.filter((it) =>
    (f.minCents === null || it.amount_cents >= f.minCents) &&
    (!f.search || String(it.claim_id).toLowerCase().includes(f.search)));
  const { key, dir } = state.sort;
  const sign = dir === 'asc' ? 1 : -1;
  rows = rows.slice().sort((a, b) => {
    let x = a[key], y = b[key];
    if (x === null || x === undefined) x = '';
    if (y === null || y === undefined) y = '';
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return c !== 0 ? sign * c : String(a.claim_id).localeCompare(String(b.claim_id));
  });
  return rows;
}

function renderTable() {
  const rows = visibleItems();
  const tbody = $('worklist').tBodies[0];
  tbody.replaceChildren(...rows.map(rowFor));
  $('worklist-empty').hidden = rows.length !== 0;
  const cents = rows.reduce((s, r) => s + (r.amount_cents || 0), 0);
  const more = state.total > state.items.length ? ` (the first ${state.items.length} of ${state.total}: narrow the filters)` : '';
  $('worklist-count').textContent = `${rows.length} item${rows.length === 1 ? '' : 's'} · ${money(cents)} at stake${more}`;
  for (const th of $('worklist').tHead.rows[0].cells) {
    th.setAttribute('aria-sort', th.dataset.key === state.sort.key ? (state.sort.dir === 'asc' ? 'ascending' : 'descending') : 'none');
  }
}

function rowFor(it) {
  const open = () => openClaim(it.claim_id, it.payer_id);
  const tr = el('tr', { 'data-claim-id': it.claim_id, 'data-category': it.category, 'data-status': it.status });
  if (state.selected === it.claim_id) tr.classList.add('selected');
  tr.addEventListener('click', open);
  const link = el('button', { type: 'button', class: 'claim-link', text: it.claim_id });
  link.addEventListener('click', (e) => { e.stopPropagation(); open(); });
  tr.append(
    el('td', {}, link),
    el('td', { text: it.payer_id }),
    el('td', { text: words(it.category) }),
    el('td', { class: 'num', text: money(it.amount_cents) }),
    el('td', { class: 'num', text: `${it.age_days ?? ''}` }),
    el('td', { class: 'num', text: it.priority === undefined ? '' : Number(it.priority).toLocaleString('en-US') }),
    el('td', { class: it.past_deadline ? 'late' : '', text: it.deadline || '' }),
    el('td', {}, el('span', { class: `pill ${it.status}`, text: words(it.status) }), it.owner ? ` ${it.owner}` : ''),
    el('td', { text: it.action_text || words(it.action) }),
  );
  return tr;
}

// ---------- charts (inline SVG built with DOM calls) ----------

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attrs = {}, text) {
  const n = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, v);
  if (text !== undefined) n.textContent = text;
  return n;
}

function barChart(target, bars, { alt = false } = {}) {
  const node = $(target);
  const rowH = 22, labelW = 175, valueW = 175, width = 560;
  const height = Math.max(1, bars.length) * rowH + 6;
  node.setAttribute('viewBox', `0 0 ${width} ${height}`);
  node.replaceChildren();
  const max = Math.max(1, ...bars.map((b) => b.value));
  const span = width - labelW - valueW;
  bars.forEach((b, i) => {
    const y = i * rowH + 3;
    const w = Math.max(b.value > 0 ? 2 : 0, Math.round((b.value / max) * span));
    const g = svg('g', { 'data-label': b.key });
    g.append(svg('text', { x: 0, y: y + 14 }, b.label));
    g.append(svg('rect', { class: alt ? 'bar alt' : 'bar', x: labelW, y: y + 3, width: w, height: rowH - 8, rx: 2 }));
    g.append(svg('text', { class: 'value', x: labelW + w + 6, y: y + 14 }, b.text));
    g.append(svg('title', {}, `${b.label}: ${b.text}`));
    node.append(g);
  });
  if (bars.length === 0) node.append(svg('text', { x: 0, y: 16 }, 'Nothing to show yet.'));
  $(target + '-desc').textContent = bars.map((b) => `${b.label}: ${b.text}`).join('; ');
}

// The report's shape is kept loose on purpose: the charts read what they need and fall back to
// the worklist itself when the report has no such section.
function denialBars(report) {
  const src = report && (report.denials_by_category || report.denial_by_category || report.categories);
  let rows = [];
  if (Array.isArray(src)) {
    rows = src.map((r) => ({ key: r.category ?? r.key, label: r.label, count: r.claims ?? r.count ?? 0, cents: r.amount_cents ?? 0, rate: r.rate_percent }));
  } else if (src && typeof src === 'object') {
    rows = Object.entries(src).map(([k, v]) => ({ key: k, count: typeof v === 'number' ? v : (v.denied ?? v.count ?? 0), cents: v.amount_cents ?? 0 }));
  } else {
    const by = new Map();
    for (const it of state.items) {
      const r = by.get(it.category) || { key: it.category, count: 0, cents: 0 };
      r.count += 1;
      r.cents += it.amount_cents || 0;
      by.set(it.category, r);
    }
    rows = [...by.values()];
  }
  rows = rows.filter((r) => r.count > 0).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  return rows.map((r) => ({ key: r.key, label: r.label || words(r.key), value: r.count,
    text: `${r.count}${r.cents ? ' · ' + money(r.cents) : ''}${r.rate !== undefined ? ' · ' + r.rate + '% denied' : ''}` }));
}

function agingBars(report) {
  const src = report && (report.ar_aging || report.aging || report.accounts_receivable_aging);
  const list = src && Array.isArray(src.buckets) ? src.buckets : Array.isArray(src) ? src : null;
  let rows;
  if (list) {
    rows = list.map((b) => ({ key: b.bucket ?? b.label ?? b.name, count: b.claims ?? b.count ?? 0, cents: b.amount_cents ?? b.outstanding_cents ?? b.cents ?? 0 }));
  } else {
    const edges = [[0, 30, '0-30'], [31, 60, '31-60'], [61, 90, '61-90'], [91, Infinity, '90+']];
    rows = edges.map(([lo, hi, key]) => {
      const inside = state.items.filter((it) => it.age_days >= lo && it.age_days <= hi);
      return { key, count: inside.length, cents: inside.reduce((s, it) => s + (it.amount_cents || 0), 0) };
    });
  }
  return rows.map((r) => ({ key: r.key, label: `${r.key} days`.replace(/ days days$/, ' days'), value: r.cents || r.count,
    text: `${money(r.cents)} · ${r.count} claim${r.count === 1 ? '' : 's'}` }));
}

async function loadCharts() {
  let report = null;
  try {
    report = await api('/v1/report');
  } catch (e) {
    if (e.status === 401) return;
    report = null;  // drawn from the worklist instead
  }
  const denials = denialBars(report);
  barChart('chart-categories', denials);
  $('chart-categories-total').textContent = denials.length ? `(${denials.reduce((s, b) => s + b.value, 0)})` : '';
  const aging = agingBars(report);
  barChart('chart-aging', aging, { alt: true });
}

// Claims due a secondary (or tertiary) claim: GET /v1/secondary/due.
async function loadSecondaryDue() {
  let due = null;
  try {
    due = await api('/v1/secondary/due');
  } catch (e) {
    if (e.status === 401) return;
    due = null;
  }
  const claims = (due && due.claims) || [];
  const body = $('secondary').tBodies[0];
  body.replaceChildren(...claims.map((c) => {
    const tr = el('tr', { 'data-claim-id': c.claim_id, 'data-payer-id': c.payer_id, tabindex: '0' },
      el('td', { text: c.claim_id }),
      el('td', { text: c.payer_id }),
      el('td', { text: [c.next_payer_name, c.next_payer_id].filter(Boolean).join(' · ') }),
      el('td', { text: c.next_level === 'T' ? 'tertiary' : 'secondary' }),
      el('td', { class: 'num', text: money(c.billed_cents) }),
      el('td', { class: 'num', text: money(c.prior_paid_cents) }),
      el('td', { text: c.frequency_code === '7' ? 'replacement' : 'original' }));
    tr.addEventListener('click', () => openClaim(c.claim_id, c.payer_id).catch(reportError));
    tr.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') openClaim(c.claim_id, c.payer_id).catch(reportError);
    });
    return tr;
  }));
  $('secondary-empty').hidden = claims.length > 0;
  $('secondary-count').textContent = claims.length ? `${claims.length} claim${claims.length === 1 ? '' : 's'}` : '';
}

// Patient accounts with a balance, a credit or a visit waiting on insurance: GET /v1/patients.
// A statement is viewed as the statement renderer writes it (GET /v1/statements?format=html).
async function viewStatement(account) {
  const res = await fetch(`/v1/statements?format=html&account=${encodeURIComponent(account)}`, {
    headers: { Authorization: `Bearer ${state.token}`, Accept: 'text/html' },
    cache: 'no-store', credentials: 'omit', referrerPolicy: 'no-referrer',
  });
  if (!res.ok) throw new ApiError(res.status, 'http_' + res.status, 'The statement cannot be shown.');
  $('statement-title').textContent = `Statement for account ${account}`;
  $('statement-frame').srcdoc = await res.text();
  $('statement-view').hidden = false;
}

async function loadPatients() {
  let data = null;
  try {
    data = await api('/v1/patients');
  } catch (e) {
    if (e.status === 401) return;
    data = null;
  }
  const accounts = ((data && data.accounts) || []).filter(
    (a) => a.amount_due_cents !== 0 || a.pending_insurance_cents !== 0 || a.payments.length > 0);
  const body = $('patients').tBodies[0];
  body.replaceChildren(...accounts.map((a) => {
    const last = a.last_statement ? `#${a.last_statement.number}, ${a.last_statement.date}, ${money(a.last_statement.amount_due_cents)}` : 'none';
    const paid = a.payments.map((p) => `${p.date} ${money(p.amount_cents)} ${p.method} (${p.reference})`).join('; ');
    const view = el('button', { type: 'button', text: 'View' });
    view.addEventListener('click', () => viewStatement(a.account).catch(reportError));
    return el('tr', { 'data-account': a.account },
      el('td', { text: a.account }),
      el('td', { text: [a.guarantor.last, a.guarantor.first].filter(Boolean).join(', ') }),
      el('td', { class: 'num', text: a.in_credit ? `credit ${money(-a.amount_due_cents)}` : money(a.amount_due_cents) }),
      el('td', { class: 'num', text: money(a.pending_insurance_cents) }),
      el('td', { text: last }),
      el('td', { text: paid || 'none' }),
      el('td', {}, view));
  }));
  $('patients-empty').hidden = accounts.length > 0;
  $('patients-count').textContent = accounts.length ? `${accounts.length} account${accounts.length === 1 ? '' : 's'}` : '';
}

async function refreshAll() {
  await Promise.all([loadWorklist(), loadCharts(), loadSecondaryDue(), loadPatients()]);
}

// ---------- the claim detail ----------

function closeDetail() {
  state.selected = null;
  $('detail').hidden = true;
  for (const tr of document.querySelectorAll('#worklist tbody tr.selected')) tr.classList.remove('selected');
}

function dl(pairs) {
  return el('dl', {}, pairs.filter(([, v]) => v !== undefined && v !== null && v !== '').flatMap(([k, v]) => [el('dt', { text: k }), el('dd', {}, v)]));
}

// What was adjusted (the posting buckets, with amounts) and why (CARC and RARC codes in words).
function reasonList(entry) {
  const items = [];
  for (const a of entry.adjustments || []) {
    items.push(el('li', { 'data-bucket': a.bucket }, `${a.group ? a.group + ' ' : ''}${money(a.amount_cents)}, ${a.description}`));
  }
  for (const r of entry.reasons || []) items.push(el('li', { 'data-code': r.code, class: 'carc' }, `CARC ${r.code}: ${r.description}`));
  for (const r of entry.remarks || []) items.push(el('li', { 'data-code': r.code, class: 'rarc' }, `RARC ${r.code}: ${r.description}`));
  return items.length ? el('ul', { class: 'reasons' }, items) : null;
}

function table(headers, rows, className) {
  return el('table', { class: className || '' },
    el('thead', {}, el('tr', {}, headers.map(([label, cls]) => el('th', { class: cls || '', scope: 'col', text: label })))),
    el('tbody', {}, rows));
}

function renderClaim(data) {
  const body = $('detail-body');
  const claim = data.claim || {};
  const sections = [];
  sections.push(el('section', { 'aria-label': 'Summary' }, dl([
    ['Payer', [claim.payer_name, claim.payer_id].filter(Boolean).join(' · ')],
    ['Status', claim.status ? words(claim.status) : ''],
    ['Service dates', [claim.service_date_from, claim.service_date_to].filter(Boolean).join(' to ')],
    ['Submitted', claim.submitted_at],
    ['Billed', claim.billed_cents !== undefined ? money(claim.billed_cents) : ''],
    ['Paid', claim.paid_cents !== undefined ? money(claim.paid_cents) : ''],
    ['Adjusted', claim.adjusted_cents !== undefined ? money(claim.adjusted_cents) : ''],
    ['Patient owes', claim.patient_responsibility_cents !== undefined ? money(claim.patient_responsibility_cents) : ''],
  ])));

  const lines = data.lines || [];
  if (lines.length) {
    const rows = lines.map((l) => {
      const reasons = reasonList(l);
      return el('tr', { 'data-line': l.line_number },
        el('td', { text: l.line_number }),
        el('td', {}, [l.procedure_code, l.modifiers].filter(Boolean).join(':'), reasons),
        el('td', { text: l.service_date || '' }),
        el('td', { class: 'num', text: money(l.billed_cents) }),
        el('td', { class: 'num', text: money(l.paid_cents ?? 0) }),
        el('td', { class: 'num', text: money(l.adjusted_cents ?? 0) }),
        el('td', { class: 'num', text: money(l.patient_responsibility_cents ?? 0) }));
    });
    const t = data.totals || claim;
    if (t && t.billed_cents !== undefined) {
      rows.push(el('tr', { class: 'totals' }, el('td', {}), el('td', { text: 'Claim' }), el('td', {}),
        el('td', { class: 'num', text: money(t.billed_cents) }), el('td', { class: 'num', text: money(t.paid_cents ?? 0) }),
        el('td', { class: 'num', text: money(t.adjusted_cents ?? 0) }),
        el('td', { class: 'num', text: money(t.patient_responsibility_cents ?? 0) })));
    }
    sections.push(el('section', {}, el('h3', { text: 'Lines: billed, paid, adjusted and why' }),
      table([['#'], ['Service'], ['Date'], ['Billed', 'num'], ['Paid', 'num'], ['Adjusted', 'num'], ['Patient', 'num']], rows, 'lines')));
  }
  const postings = data.postings || [];
  if (postings.length) {
    sections.push(el('section', {}, el('h3', { text: 'Remittances posted' }),
      table([['Date'], ['Trace'], ['Outcome'], ['Billed', 'num'], ['Paid', 'num'], ['Adjusted', 'num'], ['Patient', 'num']], postings.map((p) =>
        el('tr', { 'data-posting': p.id },
          el('td', { text: p.payment_date || p.posted_at || '' }), el('td', { text: p.trace_number || '' }),
          el('td', {}, `${p.status_text || ''}${p.claim_status ? ' → ' + words(p.claim_status) : ''}`, reasonList(p)),
          el('td', { class: 'num', text: money(p.billed_cents) }), el('td', { class: 'num', text: money(p.paid_cents) }),
          el('td', { class: 'num', text: money(p.adjusted_cents ?? 0) }),
          el('td', { class: 'num', text: money(p.patient_responsibility_cents ?? 0) }))), 'postings')));
  }

  const cob = data.coordination;
  if (cob && cob.payers && cob.payers.length) {
    sections.push(el('section', { id: 'detail-coordination' }, el('h3', { text: 'Payers (coordination of benefits)' }),
      table([['Level'], ['Payer'], ['Status'], ['Billed', 'num'], ['Paid', 'num'], ['Patient', 'num']], cob.payers.map((p) =>
        el('tr', { 'data-payer': p.payer_id },
          el('td', { text: p.payer_level }), el('td', { text: [p.payer_name, p.payer_id].filter(Boolean).join(' · ') }),
          el('td', { text: words(p.status) }), el('td', { class: 'num', text: money(p.billed_cents) }),
          el('td', { class: 'num', text: money(p.paid_cents) }),
          el('td', { class: 'num', text: money(p.patient_responsibility_cents) }))), 'coordination'),
      dl([['Paid by all payers', money(cob.paid_cents)], ['Balance', `${money(cob.balance_cents)}${cob.awaiting_payer ? ' (a payer has not answered yet)' : ''}`]])));
  }

  const history = data.status_history || [];
  if (history.length) {
    sections.push(el('section', {}, el('h3', { text: 'Status history' }),
      el('ol', { class: 'history', id: 'status-history' }, history.map((h) =>
        el('li', { 'data-event': h.event }, `${h.at || ''} — ${words(h.event)}${h.status ? ' (' + words(h.status) + ')' : ''}${h.detail ? ': ' + h.detail : ''}`)))));
  }

  const wl = data.worklist;
  if (wl && wl.item) {
    const item = wl.item;
    sections.push(el('section', { id: 'detail-worklist' }, el('h3', { text: 'Worklist item' }), dl([
      ['Category', words(item.category)],
      ['At stake', money(item.amount_cents)],
      ['Status', el('span', { class: `pill ${item.status}`, id: 'detail-status', text: words(item.status) })],
      ['Owner', item.owner],
      ['Next step', item.action_text || words(item.action)],
      ['Deadline', item.deadline ? `${item.deadline}${item.past_deadline ? ' (passed)' : ''}` : ''],
      ['Codes', [...(item.carc || []), ...(item.rarc || [])].join(', ')],
    ])));
    const findings = (wl.findings || []).filter((f) => f.open !== false);
    if (findings.length) {
      sections.push(el('section', {}, el('h3', { text: 'Findings' }),
        el('ul', { class: 'findings' }, findings.map((f) => el('li', {}, `${words(f.category)}${f.line ? ' (line ' + f.line + ')' : ''}: ${f.message} ${money(f.amount_cents)}`)))));
    }
    const events = wl.history || [];
    if (events.length) {
      sections.push(el('section', {}, el('h3', { text: 'Item history' }),
        el('ol', { class: 'history', id: 'detail-history' }, events.map((e) => el('li', {}, `${e.at} — ${words(e.event)} by ${e.actor}${e.note ? ': ' + e.note : ''}`)))));
    }
  }
  body.replaceChildren(...sections);
  const active = wl && wl.item && (wl.item.status === 'open' || wl.item.status === 'in_progress');
  $('actions').hidden = !active;
}

async function openClaim(claimId, payerId) {
  state.selected = claimId;
  for (const tr of document.querySelectorAll('#worklist tbody tr')) tr.classList.toggle('selected', tr.dataset.claimId === claimId);
  const panel = $('detail');
  panel.hidden = false;
  panel.dataset.claimId = claimId;
  panel.dataset.payerId = payerId || '';
  $('detail-title').textContent = `Claim ${claimId}`;
  // Busy until this claim's detail is drawn: what the panel shows before then is stale.
  panel.setAttribute('aria-busy', 'true');
  $('detail-error').hidden = true;
  $('detail-body').replaceChildren(el('p', { class: 'hint', text: 'Loading…' }));
  $('actions').hidden = true;
  $('action-status').textContent = '';
  $('resolve-note').value = '';
  $('resolve-writeoff').checked = false;
  $('assign-to').value = '';
  $('assign-note').value = '';
  try {
    const q = payerId ? `?payer=${encodeURIComponent(payerId)}` : '';
    const data = await api(`/v1/claims/${encodeURIComponent(claimId)}${q}`);
    if (state.selected !== claimId) return;
    renderClaim(data);
  } catch (e) {
    if (state.selected !== claimId) return;
    $('detail-body').replaceChildren();
    $('detail-error').hidden = false;
    $('detail-error').textContent = e.message;
  }
  panel.setAttribute('aria-busy', 'false');
  panel.focus();
}

async function act(kind) {
  const panel = $('detail');
  const claimId = panel.dataset.claimId;
  const payer = panel.dataset.payerId || undefined;
  const status = $('action-status');
  status.classList.remove('bad');
  let body;
  if (kind === 'resolve') {
    body = { note: $('resolve-note').value.trim(), write_off: $('resolve-writeoff').checked, payer };
    if (!body.note) return;
  } else {
    body = { to: $('assign-to').value.trim(), note: $('assign-note').value.trim(), payer };
    if (!body.to) return;
  }
  const button = $(kind + '-button');
  button.disabled = true;
  try {
    const result = await api(`/v1/worklist/${encodeURIComponent(claimId)}/${kind}`, { method: 'POST', body });
    const now = result && result.item ? result.item.status : '';
    const done = kind === 'resolve' ? `Resolved (${words(now)}).` : `Assigned to ${body.to}.`;
    status.textContent = 'Saved; refreshing…';
    await Promise.all([loadWorklist(), loadCharts()]);
    await openClaim(claimId, payer);
    // Said only once the list and the panel show the new state (openClaim cleared the status).
    $('action-status').textContent = done;
  } catch (e) {
    status.classList.add('bad');
    status.textContent = e.message;
  } finally {
    button.disabled = false;
  }
}

// ---------- wiring ----------

function debounce(fn, ms) {
  let t = 0;
  return (...args) => {
    clearTimeout(t);
    t = setTimeout(() => fn(...args), ms);
  };
}

function reportError(e) {
  if (e && e.status === 401) return;
  $('worklist-count').textContent = e ? e.message : 'Something went wrong.';
}

function init() {
  $('signin-form').addEventListener('submit', (e) => {
    e.preventDefault();
    signIn($('token').value);
  });
  $('signout').addEventListener('click', () => signOut(''));
  $('refresh').addEventListener('click', () => refreshAll().catch(reportError));
  const reload = () => loadWorklist().catch(reportError);
  for (const id of ['filter-status', 'filter-category', 'filter-payer']) $(id).addEventListener('change', reload);
  $('filter-age').addEventListener('input', debounce(reload, 250));
  $('filter-amount').addEventListener('input', debounce(renderTable, 150));
  $('filter-search').addEventListener('input', debounce(renderTable, 150));
  $('filters').addEventListener('reset', () => setTimeout(reload, 0));
  for (const th of $('worklist').tHead.rows[0].cells) {
    th.querySelector('button').addEventListener('click', () => {
      const key = th.dataset.key;
      const numeric = ['amount_cents', 'age_days', 'priority'].includes(key);
      state.sort = state.sort.key === key ? { key, dir: state.sort.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: numeric ? 'desc' : 'asc' };
      renderTable();
    });
  }
  $('detail-close').addEventListener('click', closeDetail);
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !$('detail').hidden) closeDetail();
  });
  $('resolve-form').addEventListener('submit', (e) => {
    e.preventDefault();
    act('resolve');
  });
  $('assign-form').addEventListener('submit', (e) => {
    e.preventDefault();
    act('assign');
  });
  if (state.token) {
    showSignedIn(true);
    refreshAll().catch(reportError);
  } else {
    showSignedIn(false);
    $('token').focus();
  }
}

init();
