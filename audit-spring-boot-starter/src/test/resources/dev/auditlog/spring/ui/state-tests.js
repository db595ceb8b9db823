// Tests of the page's state.js, run in the browser by AuditlogPageBrowserTests: the body
// of an async function given the module as "state"; returns the failures, empty when all pass.
const failures = [];
const equal = (name, actual, expected) => {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) {
    failures.push(name + ': expected ' + e + ' but was ' + a);
  }
};

// the URL and the state are each other's inverse
const search = '?model=Book&objectPk=7&actor=al+ice&action=CREATE&action=DELETE&before=42';
const parsed = state.parseState(search);
equal('view defaults to the log', parsed.view, 'log');
equal('filters are read', [parsed.filters.model, parsed.filters.objectPk, parsed.filters.actor], ['Book', '7', 'al ice']);
equal('actions are read', parsed.actions, ['CREATE', 'DELETE']);
equal('the cursor is read', parsed.before, '42');
equal('round trip', state.toSearch(parsed), search);
equal('actions split at commas, upper-cased, once each', state.parseState('?action=create,update&action=CREATE').actions, ['CREATE', 'UPDATE']);
equal('empty parameters are absent', state.parseState('?actor=&model=Book').filters.actor, null);
equal('an unknown view is the log', state.parseState('?view=<script>').view, 'log');
equal('the plain log has no query', state.toSearch({ view: 'log', filters: {}, actions: [] }), '?');
equal('events keep their filters', state.toSearch(state.parseState('?view=events&principal=bob&skip=25')), '?view=events&principal=bob&skip=25');
equal('an entry', state.toSearch({ view: 'entry', id: '9', filters: {}, actions: [] }), '?view=entry&id=9');

// the endpoint's query
const query = state.endpointQuery(state.parseState('?model=Book&action=UPDATE&action=DELETE&before=42&size=10'));
equal('endpoint query', query.toString(), 'model=Book&action=UPDATE%2CDELETE&before=42&size=10');
equal('default size', state.endpointQuery(state.parseState('?')).get('size'), String(state.DEFAULT_SIZE));

// days are read in the browser's zone, "to" includes its day
const from = new Date(state.filterInstant('from', '2025-03-01'));
equal('from is the start of the local day', [from.getFullYear(), from.getMonth(), from.getDate(), from.getHours()], [2025, 2, 1, 0]);
const to = new Date(state.filterInstant('to', '2025-03-01'));
equal('to is the start of the next local day', [to.getMonth(), to.getDate(), to.getHours()], [2, 2, 0]);
equal('to at the end of a year', new Date(state.filterInstant('to', '2024-12-31')).getFullYear(), 2025);
equal('an instant is passed on', state.filterInstant('from', '2025-01-31T10:15:30Z'), '2025-01-31T10:15:30Z');
equal('nonsense is passed on for the endpoint to refuse', state.filterInstant('from', 'yesterday'), 'yesterday');
equal('nothing', state.filterInstant('from', ''), null);

// timestamps
equal('microseconds parse', state.instantMillis('2025-01-31T10:15:30.123456Z'), Date.UTC(2025, 0, 31, 10, 15, 30, 123));
equal('no fraction parses', state.instantMillis('2025-01-31T10:15:30Z'), Date.UTC(2025, 0, 31, 10, 15, 30));
const shown = state.formatTimestamp('2025-01-31T10:15:30.123456Z', 'en-GB', 'Europe/Berlin');
equal('local time in the given zone', shown.local.includes('11:15:30'), true);
equal('utc on hover', shown.utc, '2025-01-31 10:15:30.123456 UTC');
equal('nonsense is shown as written', state.formatTimestamp('soon').local, 'soon');

// changes
equal('value and collection changes', state.changeRows({
  'Unit price': ['9.90', '10.50'],
  Created: [null, '1'],
  tags: { type: 'm2m', operation: 'add', objects: ['organic', 3] },
}), [
  { field: 'Unit price', kind: 'value', old: '9.90', new: '10.50' },
  { field: 'Created', kind: 'value', old: null, new: '1' },
  { field: 'tags', kind: 'collection', operation: 'add', objects: ['organic', '3'] },
]);
equal('no changes', state.changeRows(null), []);
equal('values as text', [state.valueText(null), state.valueText('<b>'), state.valueText({ a: 1 }), state.valueText(2)], ['', '<b>', '{"a":1}', '2']);

equal('one line of changes', state.changesSummary({ 'Unit price': ['9.90', '10.50'], Name: [null, 'Kettle'],
  Tags: { type: 'm2m', operation: 'delete', objects: ['old'] } }), 'Unit price: 9.90 → 10.50; Name: — → Kettle; Tags: removed old');
equal('a creation shows the new values', state.changesSummary({ Name: [null, 'Kettle'], Price: [null, null] }, 'CREATE'), 'Name: Kettle; Price: —');
equal('a deletion shows the old values', state.changesSummary({ Name: ['Kettle', null] }, 'DELETE'), 'Name: Kettle');

// bars
equal('bars relative to the largest', state.bars({ a: 50, b: 25, c: 0, d: 1 }).map((bar) => bar.percent), [100, 50, 0, 2]);
equal('a small count still shows', state.bars({ a: 1000, b: 1 })[1].percent, 1);
equal('no counts', state.bars({}), []);

// messages
equal('401', state.problemMessage(401, null).startsWith('You are not signed in'), true);
equal('403', state.problemMessage(403, null).includes('not allowed to read the audit log (HTTP 403)'), true);
equal('400 names the parameter', state.problemMessage(400, { parameter: 'size', message: 'size must be a whole number' }),
  'This filter cannot be used: size must be a whole number');
equal('500', state.problemMessage(500, null), 'The audit log could not be read (HTTP 500).');
return failures;
