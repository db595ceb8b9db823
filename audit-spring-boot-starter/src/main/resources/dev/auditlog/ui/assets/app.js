// The browsing page: reads the auditlog endpoint and shows the log, one entry, one
// object's history, a summary and the system events. The state is in the URL.

import { h, s, replace } from './dom.js';
import {
  ACTIONS, DEFAULT_SIZE, EVENT_DAYS, EVENT_TYPES, bars, changeRows, changesSummary, endpointQuery, filterInstant, formatTimestamp, instantMillis,
  parseState, problemMessage, toSearch, valueText,
} from './state.js';

const meta = (name) => document.querySelector('meta[name="' + name + '"]').getAttribute('content');
const BASE = meta('auditlog-base');
const ENDPOINT = meta('auditlog-endpoint');
const EVENTS = meta('auditlog-events');

const view = document.getElementById('view');
const status = document.getElementById('status');
const main = document.getElementById('main');

let generation = 0;

class Problem extends Error {
  constructor(status, body) {
    super(problemMessage(status, body));
    this.status = status;
    this.parameter = body && body.parameter ? body.parameter : null;
  }
}

async function read(url) {
  let response;
  try {
    response = await fetch(url, {
      headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' },
      credentials: 'same-origin',
      redirect: 'manual',
      cache: 'no-store',
    });
  }
  catch (ex) {
    throw new Problem(0, null);
  }
  if (response.type === 'opaqueredirect') {
    // a sign-in page answers instead of the endpoint
    throw new Problem(401, null);
  }
  let body = null;
  try {
    body = await response.json();
  }
  catch (ex) {
    body = null;
  }
  if (!response.ok) {
    throw new Problem(response.status, body);
  }
  if (body === null) {
    throw new Problem(response.status, { message: 'the answer is not JSON' });
  }
  return body;
}

function link(state, props, ...children) {
  return h('a', { ...props, href: BASE + '/' + toSearch(state), 'data-internal': '' }, ...children);
}

function logState(filters, actions) {
  return { view: 'log', filters: { ...filters }, actions: actions || [] };
}

function time(iso) {
  const shown = formatTimestamp(iso);
  return h('time', { datetime: iso, title: shown.utc }, shown.local);
}

function setStatus(text, kind) {
  status.textContent = text;
  status.className = 'status visually-hidden' + (kind ? ' ' + kind : '');
}

function showProblem(ex) {
  const message = ex instanceof Problem ? ex.message : 'The page failed: ' + String(ex && ex.message);
  setStatus(message, 'error');
  const paragraph = h('p', { class: 'message error', role: 'alert', id: 'problem' }, message);
  if (ex instanceof Problem && ex.parameter) {
    const field = document.getElementById('filter-' + ex.parameter);
    if (field) {
      field.setAttribute('aria-invalid', 'true');
      field.setAttribute('aria-describedby', 'problem');
    }
  }
  return paragraph;
}

function navigate(search, state, replaceState) {
  const url = BASE + '/' + search;
  if (replaceState) {
    history.replaceState(state || {}, '', url);
  }
  else {
    history.pushState(state || {}, '', url);
  }
  render(true);
}

// ---------------------------------------------------------------- the log

function filterForm(state) {
  const field = (name, label, type, hint) => h('div', { class: 'field' },
    h('label', { for: 'filter-' + name }, label),
    h('input', {
      id: 'filter-' + name, name, type: type || 'text', value: state.filters[name] || '',
      autocomplete: 'off', 'aria-describedby': hint ? 'hint-' + name : null,
    }),
    hint ? h('small', { id: 'hint-' + name }, hint) : null);
  const actions = h('fieldset', { class: 'actions' },
    h('legend', null, 'Action'),
    ACTIONS.map((action) => h('label', { class: 'check' },
      h('input', {
        type: 'checkbox', name: 'action', value: action, id: 'filter-action-' + action.toLowerCase(),
        checked: state.actions.includes(action),
      }), ' ' + action.toLowerCase())));
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Filter entries', id: 'filters' },
    field('model', 'Model'),
    field('objectPk', 'Object key', 'text', 'needs a model'),
    field('actor', 'Actor'),
    field('cid', 'Correlation id'),
    field('from', 'From', 'date'),
    field('to', 'To (inclusive)', 'date'),
    actions,
    h('div', { class: 'buttons' },
      h('button', { type: 'submit', id: 'apply' }, 'Apply filters'),
      link(logState({}), { class: 'button secondary', id: 'clear' }, 'Clear')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const filters = {};
    for (const name of ['model', 'objectPk', 'actor', 'cid', 'from', 'to']) {
      const value = String(data.get(name) || '').trim();
      filters[name] = value === '' ? null : value;
    }
    navigate(toSearch({ view: 'log', filters, actions: data.getAll('action').map(String), size: state.size }));
  });
  return form;
}

function pager(state, page, label) {
  const trail = (history.state && Array.isArray(history.state.trail)) ? history.state.trail : [];
  const nav = h('nav', { class: 'pager', 'aria-label': label + ' pages' });
  if (state.before) {
    const newer = h('button', { type: 'button', id: 'newer' }, trail.length > 0 ? '← Newer' : '⇤ Newest');
    newer.addEventListener('click', () => {
      const previous = trail.slice(0, -1);
      const before = trail.length > 0 ? trail[trail.length - 1] : null;
      navigate(toSearch({ ...state, before }), { trail: previous });
    });
    nav.append(newer);
  }
  if (page.next !== null && page.next !== undefined) {
    const older = h('button', { type: 'button', id: 'older' }, 'Older →');
    older.addEventListener('click', () => {
      navigate(toSearch({ ...state, before: String(page.next) }), { trail: [...trail, state.before] });
    });
    nav.append(older);
  }
  return nav;
}

function actionBadge(action) {
  return h('span', { class: 'badge ' + String(action).toLowerCase() }, String(action).toLowerCase());
}

function objectLink(entry) {
  return link({ view: 'history', filters: { model: entry.model, objectPk: entry.objectPk }, actions: [] },
    { class: 'object', title: entry.model + ' ' + entry.objectPk }, entry.objectRepr || entry.objectPk);
}

// what the endpoint shows instead of a value to a caller who is not shown values
const MASK = '******';

function actorLink(actor) {
  if (actor === null || actor === undefined) {
    return h('span', { class: 'muted' }, 'no actor');
  }
  if (actor === MASK) {
    // filtering by actor is refused to whom values are not shown
    return h('span', { title: 'Values are not shown to you' }, actor);
  }
  return link(logState({ actor }), { class: 'actor' }, actor);
}

function entryTable(entries) {
  const rows = entries.map((entry) => h('tr', { 'data-id': entry.id },
    h('td', null, link({ view: 'entry', id: String(entry.id), filters: {}, actions: [] },
      { class: 'entry-link', 'aria-label': 'Entry ' + entry.id }, '#' + entry.id)),
    h('td', null, time(entry.timestamp)),
    h('td', null, actionBadge(entry.action)),
    h('td', null, link(logState({ model: entry.model }), { class: 'model' }, entry.model)),
    h('td', null, objectLink(entry)),
    h('td', null, actorLink(entry.actor)),
    h('td', { class: 'changes' }, changesSummary(entry.changesDisplay || entry.changes, entry.action) || entry.changesText || '')));
  return h('div', { class: 'table-wrap' }, h('table', { class: 'entries', id: 'entries' },
    h('caption', { class: 'visually-hidden' }, 'Entries, newest first'),
    h('thead', null, h('tr', null,
      ['Entry', 'When', 'Action', 'Model', 'Object', 'Actor', 'Changes'].map((name) => h('th', { scope: 'col' }, name)))),
    h('tbody', null, rows)));
}

async function renderLog(state, token) {
  const form = filterForm(state);
  const heading = h('h2', null, 'Entries');
  replace(view, heading, form);
  setStatus('Loading entries…');
  let page;
  try {
    page = await read(ENDPOINT + '?' + endpointQuery(state));
  }
  catch (ex) {
    if (token === generation) {
      view.append(showProblem(ex));
    }
    return;
  }
  if (token !== generation) {
    return;
  }
  if (page.entries.length === 0) {
    setStatus('No entries.');
    view.append(h('p', { class: 'message empty', id: 'empty' },
      state.before ? 'No older entries.' : 'No entries match these filters.'));
    if (state.before) {
      view.append(pager(state, page, 'Entry'));
    }
    return;
  }
  setStatus(page.entries.length + ' entries' + (page.next !== null ? ', more are older.' : '.'));
  view.append(entryTable(page.entries), pager(state, page, 'Entry'));
}

// ---------------------------------------------------------------- one entry

function changesTable(changes, caption) {
  const rows = changeRows(changes);
  if (rows.length === 0) {
    return h('p', { class: 'muted' }, 'No field changed.');
  }
  return h('div', { class: 'table-wrap' }, h('table', { class: 'changes-table' },
    h('caption', null, caption),
    h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Field'), h('th', { scope: 'col' }, 'Old'),
      h('th', { scope: 'col' }, 'New'))),
    h('tbody', null, rows.map((row) => row.kind === 'collection'
      ? h('tr', { class: 'collection' }, h('th', { scope: 'row' }, row.field),
        h('td', { colspan: 2 }, h('span', { class: 'badge ' + (row.operation === 'delete' ? 'delete' : 'create') },
          row.operation === 'delete' ? 'removed' : row.operation === 'add' ? 'added' : row.operation),
        ' ', h('ul', { class: 'objects' }, row.objects.map((object) => h('li', null, object)))))
      : h('tr', null, h('th', { scope: 'row' }, row.field),
        h('td', { class: 'old' }, valueCell(row.old)), h('td', { class: 'new' }, valueCell(row.new)))))));
}

function valueCell(value) {
  if (value === null || value === undefined) {
    return h('span', { class: 'muted', 'aria-label': 'none' }, '—');
  }
  return valueText(value);
}

function dataTable(data, caption, id) {
  if (!data || Object.keys(data).length === 0) {
    return null;
  }
  return h('section', { 'aria-label': caption, id },
    h('h3', null, caption),
    h('dl', { class: 'data' }, Object.entries(data).flatMap(([key, value]) => [
      h('dt', null, key), h('dd', null, h('code', null, valueText(value)))])));
}

async function renderEntry(state, token) {
  replace(view, h('h2', null, 'Entry ' + (state.id || '')));
  setStatus('Loading entry…');
  let entry;
  try {
    entry = await read(ENDPOINT + '/' + encodeURIComponent(state.id || ''));
  }
  catch (ex) {
    if (token === generation) {
      view.append(showProblem(ex));
    }
    return;
  }
  if (token !== generation) {
    return;
  }
  setStatus('Entry ' + entry.id + '.');
  const related = [
    h('li', null, link({ view: 'history', filters: { model: entry.model, objectPk: entry.objectPk }, actions: [] },
      { id: 'to-history' }, 'History of this object')),
    entry.actor !== null && entry.actor !== MASK ? h('li', null, link(logState({ actor: entry.actor }), { id: 'to-actor' },
      'Entries by ' + entry.actor)) : null,
    entry.cid !== null ? h('li', null, link(logState({ cid: entry.cid }), { id: 'to-request' },
      'Entries of this request')) : null,
  ];
  replace(view,
    h('h2', { id: 'entry-title' }, actionBadge(entry.action), ' ', entry.model, ' ', h('span', { class: 'repr' }, entry.objectRepr)),
    h('dl', { class: 'meta', id: 'entry-meta' },
      h('dt', null, 'Entry'), h('dd', null, '#' + entry.id),
      h('dt', null, 'When'), h('dd', null, time(entry.timestamp)),
      h('dt', null, 'Model'), h('dd', null, entry.model),
      h('dt', null, 'Object key'), h('dd', null, entry.objectPk),
      h('dt', null, 'Actor'), h('dd', null, entry.actor === null ? h('span', { class: 'muted' }, 'no actor') : entry.actor),
      h('dt', null, 'Client address'), h('dd', null, entry.remoteAddr || '—'),
      h('dt', null, 'Correlation id'), h('dd', null, entry.cid || '—')),
    h('nav', { 'aria-label': 'Related entries' }, h('ul', { class: 'related' }, related)),
    h('section', { id: 'entry-changes', 'aria-label': 'Changes' },
      changesTable(entry.changesDisplay || entry.changes, 'Changes, old → new')),
    dataTable(entry.additionalData, 'Additional data', 'additional-data'),
    dataTable(entry.serializedData, 'Serialized data', 'serialized-data'));
}

// ---------------------------------------------------------------- an object's history

async function renderHistory(state, token) {
  const model = state.filters.model;
  const objectPk = state.filters.objectPk;
  replace(view, h('h2', { id: 'history-title' }, 'History of ', model || '?', ' ', objectPk || '?'));
  setStatus('Loading history…');
  let page;
  try {
    page = await read(ENDPOINT + '?' + endpointQuery({ ...state, actions: [], filters: { model, objectPk } }));
  }
  catch (ex) {
    if (token === generation) {
      view.append(showProblem(ex));
    }
    return;
  }
  if (token !== generation) {
    return;
  }
  if (page.entries.length === 0) {
    setStatus('No entries.');
    view.append(h('p', { class: 'message empty', id: 'empty' }, 'This object has no entries.'));
    return;
  }
  setStatus(page.entries.length + ' entries of this object.');
  const timeline = h('ol', { class: 'timeline', id: 'timeline' }, page.entries.map((entry) => h('li', { 'data-id': entry.id },
    h('div', { class: 'when' }, time(entry.timestamp), ' ', actionBadge(entry.action), ' by ', actorLink(entry.actor),
      ' ', link({ view: 'entry', id: String(entry.id), filters: {}, actions: [] }, { class: 'entry-link' }, '#' + entry.id)),
    h('div', { class: 'repr' }, entry.objectRepr),
    changesTable(entry.changesDisplay || entry.changes, 'Changes of entry ' + entry.id))));
  view.append(timeline, pager(state, page, 'History'));
}

// ---------------------------------------------------------------- the summary

function chart(title, counts, id, filterName) {
  const rows = bars(counts);
  if (rows.length === 0) {
    return h('section', { id, 'aria-label': title }, h('h3', null, title), h('p', { class: 'muted' }, 'None.'));
  }
  return h('section', { id, class: 'chart', 'aria-label': title },
    h('h3', null, title),
    h('ul', { class: 'bars' }, rows.map((row) => h('li', null,
      h('span', { class: 'label' }, filterName && row.name !== MASK
        ? link(logState(filterName === 'action' ? {} : { [filterName]: row.name },
          filterName === 'action' ? [row.name] : []), null, row.name)
        : row.name),
      s('svg', { class: 'bar', viewBox: '0 0 100 10', preserveAspectRatio: 'none', 'aria-hidden': 'true', focusable: 'false' },
        s('rect', { x: 0, y: 0, width: row.percent, height: 10 })),
      h('span', { class: 'count' }, String(row.count))))));
}

async function renderSummary(state, token) {
  const days = state.days || '30';
  const form = h('form', { class: 'filters inline', 'aria-label': 'Summary window', id: 'summary-form' },
    h('div', { class: 'field' }, h('label', { for: 'filter-days' }, 'Days'),
      h('input', { id: 'filter-days', name: 'days', type: 'number', min: 1, max: 36500, value: days })),
    h('div', { class: 'field' }, h('label', { for: 'filter-actor' }, 'Actor'),
      h('input', { id: 'filter-actor', name: 'actor', type: 'text', value: state.filters.actor || '', autocomplete: 'off' })),
    h('div', { class: 'buttons' }, h('button', { type: 'submit', id: 'show-summary' }, 'Show')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const actor = String(data.get('actor') || '').trim();
    navigate(toSearch({ view: 'summary', days: String(data.get('days') || ''), filters: { actor: actor || null }, actions: [] }));
  });
  replace(view, h('h2', null, 'Summary'), form);
  setStatus('Loading summary…');
  let summary;
  try {
    const params = new URLSearchParams({ days });
    if (state.filters.actor) {
      params.set('actor', state.filters.actor);
    }
    summary = await read(ENDPOINT + '/summary?' + params);
  }
  catch (ex) {
    if (token === generation) {
      view.append(showProblem(ex));
    }
    return;
  }
  if (token !== generation) {
    return;
  }
  setStatus(summary.total + ' entries in the last ' + summary.days + ' days.');
  view.append(
    h('p', { id: 'summary-total', class: 'total' }, h('strong', null, String(summary.total)), ' entries from ',
      time(summary.from), ' to ', time(summary.to),
      summary.withoutActor > 0 ? ', ' + summary.withoutActor + ' of them without an actor' : '', '.'),
    h('div', { class: 'charts' },
      chart('By action', summary.actions, 'summary-actions', 'action'),
      chart('By model', summary.models, 'summary-models', 'model'),
      chart('By actor', summary.actors, 'summary-actors', 'actor')));
}

// ---------------------------------------------------------------- system events

async function renderEvents(state, token) {
  const field = (name, label, type, list) => h('div', { class: 'field' },
    h('label', { for: 'filter-' + name }, label),
    h('input', { id: 'filter-' + name, name, type: type || 'text', value: state.filters[name] || '', autocomplete: 'off', list }));
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Filter events', id: 'filters' },
    field('principal', 'Principal'), field('type', 'Type', 'text', 'event-types'),
    h('datalist', { id: 'event-types' }, EVENT_TYPES.map((type) => h('option', { value: type }))),
    field('from', 'From', 'date'), field('to', 'To (inclusive)', 'date'),
    h('div', { class: 'buttons' }, h('button', { type: 'submit', id: 'apply' }, 'Apply filters'),
      link({ view: 'events', filters: {}, actions: [] }, { class: 'button secondary' }, 'Clear')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const filters = {};
    for (const name of ['principal', 'type', 'from', 'to']) {
      const value = String(data.get(name) || '').trim();
      filters[name] = value === '' ? null : value;
    }
    navigate(toSearch({ view: 'events', filters, actions: [] }));
  });
  replace(view, h('h2', null, 'Sign-ins and system events'), form);
  if (!EVENTS) {
    view.append(h('p', { class: 'message empty' }, 'The auditevents endpoint is not exposed.'));
    setStatus('');
    return;
  }
  setStatus('Loading events…');
  const params = new URLSearchParams();
  if (state.filters.principal) {
    params.set('principal', state.filters.principal);
  }
  if (state.filters.type) {
    params.set('type', state.filters.type);
  }
  // the endpoint answers every event after "after" at once: without a start, the tab
  // reads a recent window only
  const from = filterInstant('from', state.filters.from)
    || new Date(Date.now() - EVENT_DAYS * 24 * 3600 * 1000).toISOString();
  const fromMillis = instantMillis(from);
  if (Number.isNaN(fromMillis)) {
    view.append(showProblem(new Problem(400, { parameter: 'from', message: 'from must be a date (2025-01-31) but was \'' + state.filters.from + '\'' })));
    return;
  }
  // the endpoint takes the events strictly after "after"
  params.set('after', new Date(fromMillis - 1).toISOString());
  let answer;
  try {
    answer = await read(EVENTS + (params.size > 0 ? '?' + params : ''));
  }
  catch (ex) {
    if (token === generation) {
      view.append(showProblem(ex));
    }
    return;
  }
  if (token !== generation) {
    return;
  }
  const to = filterInstant('to', state.filters.to);
  const all = (answer.events || [])
    .filter((event) => !to || instantMillis(event.timestamp) < instantMillis(to))
    .reverse();
  const size = Number(state.size) > 0 ? Number(state.size) : DEFAULT_SIZE;
  const skip = Number(state.skip) > 0 ? Number(state.skip) : 0;
  const shown = all.slice(skip, skip + size);
  const span = state.filters.from ? '' : ' of the last ' + EVENT_DAYS + ' days';
  if (shown.length === 0) {
    setStatus('No events' + span + '.');
    view.append(h('p', { class: 'message empty', id: 'empty' }, 'No events match these filters.'));
    return;
  }
  setStatus((skip + 1) + '–' + (skip + shown.length) + ' of ' + all.length + ' events' + span + ', newest first.');
  const table = h('div', { class: 'table-wrap' }, h('table', { class: 'entries', id: 'events' },
    h('caption', { class: 'visually-hidden' }, 'Events, newest first'),
    h('thead', null, h('tr', null, ['When', 'Type', 'Principal', 'Data'].map((name) => h('th', { scope: 'col' }, name)))),
    h('tbody', null, shown.map((event) => h('tr', null,
      h('td', null, time(event.timestamp)),
      h('td', null, link({ view: 'events', filters: { type: event.type }, actions: [] }, null, event.type)),
      h('td', null, link({ view: 'events', filters: { principal: event.principal }, actions: [] }, null, event.principal)),
      h('td', { class: 'changes' }, h('code', null, valueText(event.data))))))));
  const nav = h('nav', { class: 'pager', 'aria-label': 'Event pages' });
  if (skip > 0) {
    nav.append(link({ ...state, skip: skip - size > 0 ? String(skip - size) : null }, { class: 'button', id: 'newer' }, '← Newer'));
  }
  if (skip + size < all.length) {
    nav.append(link({ ...state, skip: String(skip + size) }, { class: 'button', id: 'older' }, 'Older →'));
  }
  view.append(table, nav);
}

// ---------------------------------------------------------------- routing

const RENDERERS = { log: renderLog, entry: renderEntry, history: renderHistory, summary: renderSummary, events: renderEvents };

function render(moveFocus) {
  const state = parseState(location.search);
  generation += 1;
  const token = generation;
  for (const nav of document.querySelectorAll('header nav a[data-nav]')) {
    if (nav.getAttribute('data-nav') === (state.view === 'entry' || state.view === 'history' ? 'log' : state.view)) {
      nav.setAttribute('aria-current', 'page');
    }
    else {
      nav.removeAttribute('aria-current');
    }
  }
  document.title = 'Audit log · ' + ({ log: 'Entries', entry: 'Entry ' + (state.id || ''), history: 'History',
    summary: 'Summary', events: 'Events' })[state.view];
  if (moveFocus) {
    main.focus({ preventScroll: false });
  }
  document.body.setAttribute('data-state', 'loading');
  Promise.resolve(RENDERERS[state.view](state, token))
    .catch((ex) => {
      if (token === generation) {
        view.append(showProblem(ex));
      }
    })
    .finally(() => {
      if (token === generation) {
        document.body.setAttribute('data-state', 'ready');
      }
    });
}

document.addEventListener('click', (event) => {
  const anchor = event.target instanceof Element ? event.target.closest('a[data-internal], a[data-nav]') : null;
  if (!anchor || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
    return;
  }
  const url = new URL(anchor.href, location.href);
  if (url.origin !== location.origin) {
    return;
  }
  event.preventDefault();
  history.pushState({}, '', url.pathname + url.search);
  render(true);
});

window.addEventListener('popstate', () => render(true));

if (EVENTS) {
  document.getElementById('nav-events').hidden = false;
}
render(false);
