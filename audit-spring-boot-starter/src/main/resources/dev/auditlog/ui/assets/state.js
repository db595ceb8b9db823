// The page's state, kept in its URL so that every view can be bookmarked and shared, and
// the small formatting rules of the page. Pure functions only: no DOM, no requests.

export const ACTIONS = Object.freeze(['CREATE', 'UPDATE', 'DELETE', 'ACCESS']);

export const VIEWS = Object.freeze(['log', 'entry', 'history', 'summary', 'events']);

/** The text filters of the log, in the order of the form and of the URL. */
export const LOG_FILTERS = Object.freeze(['model', 'objectPk', 'actor', 'cid', 'from', 'to']);

/** The text filters of the events tab. */
export const EVENT_FILTERS = Object.freeze(['principal', 'type', 'from', 'to']);

export const DEFAULT_SIZE = 25;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Read the state from a query string such as "?view=log&model=Product&action=CREATE".
 * Unknown views fall back to the log; empty parameters count as absent; actions are
 * upper-cased, split at commas and kept once each, in the order given.
 */
export function parseState(search) {
  const params = new URLSearchParams(search);
  const text = (name) => {
    const value = params.get(name);
    return value === null || value === '' ? null : value;
  };
  const view = VIEWS.includes(params.get('view')) ? params.get('view') : 'log';
  const actions = [];
  for (const value of params.getAll('action')) {
    for (const part of value.split(',')) {
      const name = part.trim().toUpperCase();
      if (name !== '' && !actions.includes(name)) {
        actions.push(name);
      }
    }
  }
  const filters = {};
  for (const name of [...LOG_FILTERS, ...EVENT_FILTERS]) {
    filters[name] = text(name);
  }
  return {
    view,
    filters,
    actions,
    before: text('before'),
    id: text('id'),
    days: text('days'),
    size: text('size'),
    skip: text('skip'),
  };
}

/**
 * Write the state as a query string, the inverse of parseState: only what is set, in a
 * stable order, "?" alone for the plain log.
 */
export function toSearch(state) {
  const params = new URLSearchParams();
  if (state.view && state.view !== 'log') {
    params.set('view', state.view);
  }
  if (state.id) {
    params.set('id', state.id);
  }
  const names = state.view === 'events' ? EVENT_FILTERS : LOG_FILTERS;
  for (const name of names) {
    const value = state.filters ? state.filters[name] : null;
    if (value !== null && value !== undefined && value !== '') {
      params.set(name, value);
    }
  }
  if (state.view !== 'events') {
    for (const action of state.actions || []) {
      params.append('action', action);
    }
  }
  for (const name of ['days', 'size', 'before', 'skip']) {
    if (state[name] !== null && state[name] !== undefined && state[name] !== '') {
      params.set(name, state[name]);
    }
  }
  const query = params.toString();
  return query === '' ? '?' : '?' + query;
}

/**
 * The instant a filter's day or instant stands for. A day (2025-01-31) is read in the
 * browser's time zone: "from" is the start of that day, "to" the start of the next, so
 * that a range of days includes its last day. Anything else is passed on as written, for
 * the endpoint to accept or to refuse with a message.
 */
export function filterInstant(name, value) {
  if (value === null || value === undefined || value === '') {
    return null;
  }
  const day = DAY.exec(value);
  if (!day) {
    return value;
  }
  const date = new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3]) + (name === 'to' ? 1 : 0));
  if (date.getFullYear() !== Number(day[1]) && name !== 'to') {
    return value;
  }
  return date.toISOString();
}

/** The query of the auditlog endpoint for the log's filters, a cursor and a page size. */
export function endpointQuery(state) {
  const params = new URLSearchParams();
  for (const name of ['model', 'objectPk', 'actor', 'cid']) {
    if (state.filters[name]) {
      params.set(name, state.filters[name]);
    }
  }
  for (const name of ['from', 'to']) {
    const instant = filterInstant(name, state.filters[name]);
    if (instant) {
      params.set(name, instant);
    }
  }
  if (state.actions.length > 0) {
    params.set('action', state.actions.join(','));
  }
  if (state.before) {
    params.set('before', state.before);
  }
  params.set('size', state.size || String(DEFAULT_SIZE));
  return params;
}

/**
 * Milliseconds since the epoch of an ISO-8601 instant that may carry up to nine digits of
 * fractions (the endpoint writes microseconds), or NaN.
 */
export function instantMillis(iso) {
  if (typeof iso !== 'string') {
    return NaN;
  }
  const trimmed = iso.replace(/(\.\d{3})\d+/, '$1');
  return Date.parse(trimmed);
}

/**
 * A timestamp for people: "local" in the browser's zone and locale, "utc" as written in
 * UTC with all its digits, for a tooltip. An instant that does not parse is shown as
 * written.
 */
export function formatTimestamp(iso, locale, timeZone) {
  const millis = instantMillis(iso);
  if (Number.isNaN(millis)) {
    return { local: String(iso), utc: String(iso) };
  }
  const options = { dateStyle: 'medium', timeStyle: 'medium' };
  if (timeZone) {
    options.timeZone = timeZone;
  }
  const local = new Intl.DateTimeFormat(locale, options).format(new Date(millis));
  const utc = String(iso).replace('T', ' ').replace(/Z$/, ' UTC');
  return { local, utc };
}

/**
 * The rows of a change table from "changesDisplay" (or "changes"): a field with an
 * [old, new] pair, or a collection change ({type: "m2m", operation, objects}).
 */
export function changeRows(changes) {
  const rows = [];
  if (!changes || typeof changes !== 'object') {
    return rows;
  }
  for (const [field, change] of Object.entries(changes)) {
    if (Array.isArray(change)) {
      rows.push({ field, kind: 'value', old: change[0] ?? null, new: change.length > 1 ? change[1] ?? null : null });
    }
    else if (change && typeof change === 'object' && Array.isArray(change.objects)) {
      rows.push({ field, kind: 'collection', operation: String(change.operation || ''), objects: change.objects.map(valueText) });
    }
    else {
      rows.push({ field, kind: 'value', old: null, new: change ?? null });
    }
  }
  return rows;
}

/** A value as text: strings as they are, null as an empty string, anything else as JSON. */
export function valueText(value) {
  if (value === null || value === undefined) {
    return '';
  }
  if (typeof value === 'string') {
    return value;
  }
  return JSON.stringify(value);
}

/**
 * The bars of a chart: each entry of counts (name → count) with its share of the largest
 * count in percent (at least 1 for a count above zero), in the order given.
 */
export function bars(counts) {
  const entries = Object.entries(counts || {});
  const max = Math.max(0, ...entries.map(([, count]) => Number(count) || 0));
  return entries.map(([name, count]) => {
    const value = Number(count) || 0;
    const percent = max === 0 ? 0 : Math.max(value > 0 ? 1 : 0, Math.round((value * 100) / max));
    return { name, count: value, percent };
  });
}

/**
 * What a refused or failed request means to a person, from its status and its JSON body
 * (the endpoint names the bad parameter and says what is wrong).
 */
export function problemMessage(status, body) {
  const message = body && typeof body.message === 'string' ? body.message : null;
  if (status === 401) {
    return 'You are not signed in, or your session has ended. Sign in again, then reload this page.';
  }
  if (status === 403) {
    return message && body.parameter
      ? 'Not allowed: ' + message
      : 'You are signed in, but not allowed to read the audit log (HTTP 403). '
        + 'It needs the role that protects the auditlog endpoint; ask an administrator.';
  }
  if (status === 400) {
    return 'This filter cannot be used: ' + (message || 'the request was refused (HTTP 400).');
  }
  if (status === 404) {
    return message || 'Not found (HTTP 404).';
  }
  return 'The audit log could not be read (' + (status ? 'HTTP ' + status : 'no answer') + ')'
    + (message ? ': ' + message : '.');
}

/**
 * One line for a list of entries, from "changesDisplay": "Unit price: 9.90 → 10.50; Tags:
 * added organic". An absent value is shown as "—"; a creation shows only the new values
 * and a deletion only the old ones.
 */
export function changesSummary(changes, action) {
  const shown = (value) => (value === null || value === undefined ? '—' : valueText(value));
  return changeRows(changes).map((row) => {
    if (row.kind === 'collection') {
      const verb = row.operation === 'add' ? 'added' : row.operation === 'delete' ? 'removed' : row.operation;
      return row.field + ': ' + verb + ' ' + row.objects.join(', ');
    }
    if (action === 'CREATE' && (row.old === null || row.old === undefined)) {
      return row.field + ': ' + shown(row.new);
    }
    if (action === 'DELETE' && (row.new === null || row.new === undefined)) {
      return row.field + ': ' + shown(row.old);
    }
    return row.field + ': ' + shown(row.old) + ' → ' + shown(row.new);
  }).join('; ');
}

/** The types of the system events the audit log records, offered in the type filter. */
export const EVENT_TYPES = Object.freeze(['AUTHENTICATION_SUCCESS', 'AUTHENTICATION_FAILURE', 'AUTHORIZATION_FAILURE',
  'LOGOUT', 'DATA_EXPORT', 'REQUEST_ERROR', 'SLOW_REQUEST', 'SUSPICIOUS_REQUEST', 'LOGIN_BURST']);

/** The start of the default window of the events tab: this many days before now. */
export const EVENT_DAYS = 30;
