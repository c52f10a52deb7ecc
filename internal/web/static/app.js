// Lector's page: sends an article to POST /v1/articles:streamAnalyze with
// Accept: text/event-stream, reads the Server-Sent Events from the fetch()
// body stream (EventSource cannot POST) and renders each stage as it comes.
// Offsets are requested as UTF-16 code units, which are JavaScript string
// indices. Text from the article or the server is only ever put into the
// page with textContent, never parsed as HTML.
'use strict';

(() => {
  const API = (document.querySelector('meta[name="lector-api"]')?.content || '').replace(/\/$/, '');
  const $ = (sel, root = document) => root.querySelector(sel);

  const FEATURES = [
    ['FEATURE_LANGUAGE', 'Language'],
    ['FEATURE_ENTITIES', 'Entities'],
    ['FEATURE_QUOTES', 'Quotes'],
    ['FEATURE_KEY_PHRASES', 'Key phrases'],
    ['FEATURE_SUMMARY', 'Summary'],
    ['FEATURE_SENTIMENT', 'Sentiment'],
    ['FEATURE_TIME_EXPRESSIONS', 'Time expressions'],
    ['FEATURE_CATEGORIES', 'Categories'],
    ['FEATURE_STATISTICS', 'Statistics'],
  ];
  const FEATURE_NAME = Object.fromEntries(FEATURES);

  // The parts a stream may carry, in pipeline order, with the feature that
  // produces each (null: always sent).
  const PARTS = [
    ['source', 'Source', null],
    ['syntax', 'Sentences', null],
    ['language', 'Language', 'FEATURE_LANGUAGE'],
    ['entities', 'Entities', 'FEATURE_ENTITIES'],
    ['timeExpressions', 'Time', 'FEATURE_TIME_EXPRESSIONS'],
    ['quotes', 'Quotes', 'FEATURE_QUOTES'],
    ['keyPhrases', 'Key phrases', 'FEATURE_KEY_PHRASES'],
    ['summary', 'Summary', 'FEATURE_SUMMARY'],
    ['sentiment', 'Sentiment', 'FEATURE_SENTIMENT'],
    ['categories', 'Categories', 'FEATURE_CATEGORIES'],
    ['statistics', 'Statistics', 'FEATURE_STATISTICS'],
  ];

  const ENTITY_TYPES = {
    PERSON: 'Person', ORGANIZATION: 'Organisation', LOCATION: 'Place', NATIONALITY: 'Nationality or group',
    EVENT: 'Event', LAW: 'Law', PRODUCT: 'Product', WORK_OF_ART: 'Work of art', MISC: 'Other name',
    DATE: 'Date', TIME: 'Time', MONEY: 'Money', PERCENT: 'Percent', QUANTITY: 'Quantity',
  };
  const QUOTE_KINDS = { DIRECT: 'direct', INDIRECT: 'reported', MIXED: 'partly direct' };
  const TIME_TYPES = { DATE: 'date', TIME: 'time', DURATION: 'duration', SET: 'recurring' };
  const MENTION_TYPES = { PROPER: 'name', COMMON: 'noun phrase', PRONOUN: 'pronoun' };

  const GRPC_CODES = ['OK', 'CANCELLED', 'UNKNOWN', 'INVALID_ARGUMENT', 'DEADLINE_EXCEEDED', 'NOT_FOUND',
    'ALREADY_EXISTS', 'PERMISSION_DENIED', 'RESOURCE_EXHAUSTED', 'FAILED_PRECONDITION', 'ABORTED',
    'OUT_OF_RANGE', 'UNIMPLEMENTED', 'INTERNAL', 'UNAVAILABLE', 'DATA_LOSS', 'UNAUTHENTICATED'];

  // Plain-words explanations of the ErrorInfo reasons Lector returns.
  const REASONS = {
    EMPTY_ARTICLE: 'The article is empty. Paste its text or HTML, or give the address of its page.',
    MISSING_ARTICLE: 'No article was sent. Paste its text or HTML, or give the address of its page.',
    NO_ARTICLE_TEXT: 'No article text could be found in that page.',
    ARTICLE_TOO_LARGE: 'The article is larger than this server accepts.',
    REQUEST_TOO_LARGE: 'The request is larger than this server accepts.',
    BATCH_TOO_LARGE: 'Too many articles were sent at once.',
    LIMIT_EXCEEDED: 'The request goes over a limit of this server.',
    INVALID_UTF8: 'The article contains bytes that are not valid text (UTF-8).',
    CONTROL_CHARACTERS: 'The article contains control characters (such as NUL) that are not allowed in text: it may be binary data.',
    INVALID_HTML: 'The HTML could not be read (it may be nested too deeply).',
    UNSUPPORTED_MEDIA_TYPE: 'The request was not sent as JSON.',
    INVALID_URL: 'That is not an address the server can fetch: give a full http:// or https:// address.',
    UNSUPPORTED_URL_SCHEME: 'Only http:// and https:// addresses can be fetched.',
    BLOCKED_ADDRESS: 'The server does not fetch that address, because it points to a private or local network.',
    FETCH_FAILED: 'The server could not fetch the page.',
    FETCH_TIMEOUT: 'The page took too long to arrive, so the server gave up.',
    UNSUPPORTED_CONTENT_TYPE: 'That address does not serve an HTML page or plain text.',
    SOURCE_NOT_SUPPORTED: 'This server cannot take articles in that form.',
    INVALID_PUBLISH_TIME: 'The publish date is not a valid date.',
    INVALID_LANGUAGE_CODE: 'The language code is not valid.',
    UNKNOWN_FEATURE: 'The page asked for a feature this server does not know.',
    UNKNOWN_ENCODING_TYPE: 'The page asked for an offset unit this server does not know.',
    INVALID_OPTION: 'An analysis option is out of range.',
    FIELD_TOO_LONG: 'A field of the request is too long.',
    MULTIPLE_SOURCES: 'The request set more than one source; set only one of text, HTML or address.',
    MALFORMED_REQUEST: 'The server could not read the request.',
    METHOD_NOT_ALLOWED: 'The server does not accept this kind of request here.',
    OVERLOADED: 'The server is busy with other articles. Try again in a moment.',
    DEADLINE_EXCEEDED: 'The analysis took too long and was stopped.',
    CANCELLED: 'The analysis was stopped.',
    UNAVAILABLE: 'The server is not available right now. Try again in a moment.',
    UNIMPLEMENTED: 'This server does not offer that yet.',
    INTERNAL: 'Something went wrong inside the server.',
    API_KEY_MISSING: 'This server needs an API key. Enter it under “API key” and try again.',
    API_KEY_INVALID: 'The server did not accept the API key. Check it under “API key”.',
    RATE_LIMITED: 'This client has sent too many requests. Wait a moment and try again.',
    TOO_MANY_STREAMS: 'This client has too many analyses running at once. Wait for one to finish.',
  };
  const CODE_SENTENCES = {
    INVALID_ARGUMENT: 'The server did not accept the article.',
    RESOURCE_EXHAUSTED: 'The request goes over a limit of this server.',
    FAILED_PRECONDITION: 'The server could not get the article.',
    DEADLINE_EXCEEDED: REASONS.DEADLINE_EXCEEDED,
    CANCELLED: REASONS.CANCELLED,
    UNAVAILABLE: REASONS.UNAVAILABLE,
    UNIMPLEMENTED: REASONS.UNIMPLEMENTED,
    INTERNAL: REASONS.INTERNAL,
    NOT_FOUND: 'The server has no such address.',
    UNAUTHENTICATED: REASONS.API_KEY_MISSING,
    PERMISSION_DENIED: 'The server does not allow this client to do that.',
  };

  const SAMPLE = [
    'Harbour City council approved a new flood barrier on Tuesday, ending a debate that lasted three years.',
    'Mayor Lena Ortiz said the barrier would protect 40,000 homes. "We cannot wait for the next storm," she told reporters at City Hall.',
    'The project will cost $120 million, paid partly by the European Investment Bank, and work starts next month.',
    'Critics were not convinced. "The plan ignores the fishermen of the old port," said Tomas Berg, who chairs the Harbour Fishing Association.',
    'The council will review the design every six months, Ortiz said.',
  ].join('\n\n');

  // ---- state ----------------------------------------------------------

  let state = null;
  let controller = null;
  let capabilities = null;

  function newState(text, kind, features) {
    return {
      text, kind, features, done: new Set(), complete: false,
      metadata: null, language: null, sentences: [], entities: [], sentiment: null,
      quotes: [], phrases: [], summary: null, times: [], categories: [], statistics: null,
      notices: [], timings: [], total: null, layer: currentLayer(),
    };
  }

  // ---- API key ----------------------------------------------------------

  const KEY_STORE = 'lector-api-key';

  function apiHeaders(extra) {
    const h = { ...extra };
    const key = $('#api-key').value.trim();
    if (key) h['X-Api-Key'] = key;
    return h;
  }

  function rememberKey() {
    try { sessionStorage.setItem(KEY_STORE, $('#api-key').value.trim()); } catch (_) { /* storage off */ }
  }

  function recallKey() {
    try { $('#api-key').value = sessionStorage.getItem(KEY_STORE) || ''; } catch (_) { /* storage off */ }
  }

  // ---- capabilities ---------------------------------------------------

  async function loadCapabilities() {
    const box = $('#features');
    let needsKey = false;
    try {
      const r = await fetch(API + '/v1/capabilities', { headers: apiHeaders({ Accept: 'application/json' }) });
      needsKey = r.status === 401;
      if (!r.ok) throw new Error('HTTP ' + r.status);
      capabilities = await r.json();
    } catch (e) {
      capabilities = null;
    }
    const avail = {};
    for (const f of capabilities?.features || []) avail[f.feature] = f;
    box.replaceChildren(...box.querySelectorAll('legend'));
    for (const [id, label] of FEATURES) {
      const cap = avail[id];
      const l = el('label', { class: 'feature' });
      const cb = el('input', { type: 'checkbox', name: 'feature', value: id });
      cb.checked = true;
      l.append(cb, ' ' + label);
      if (cap && !cap.available) {
        // Still requested, so the result says why it did not run.
        cb.disabled = true;
        l.classList.add('unavailable');
        l.append(el('span', { class: 'hint' }, ' (not on this server: ' + (cap.reason || 'unavailable') + ')'));
      }
      box.append(l);
    }
    const info = $('#server-info');
    if (capabilities) {
      const n = (capabilities.features || []).filter((f) => f.available).length;
      const max = Number(capabilities.limits?.maxArticleBytes || 0);
      info.textContent = `Server ${capabilities.serverVersion || ''}: ${n} of ${(capabilities.features || []).length} features available` +
        (max ? `, articles up to ${formatBytes(max)}.` : '.');
    } else if (needsKey) {
      info.textContent = $('#api-key').value.trim()
        ? 'The server did not accept the API key.' : 'This server needs an API key: enter it under “API key”.';
      $('#connection').open = true;
    } else {
      info.textContent = 'Could not read the server’s capabilities; analysing may still work.';
    }
  }

  // ---- form -----------------------------------------------------------

  function kind() { return document.querySelector('input[name="kind"]:checked').value; }
  function currentLayer() { return document.querySelector('input[name="layer"]:checked')?.value || 'entities'; }

  function syncKind() {
    const k = kind();
    $('#field-url').hidden = k !== 'url';
    $('#field-body').hidden = k === 'url';
    $('#article-body-label').textContent = k === 'html' ? 'Article HTML' : 'Article text';
  }

  function buildRequest() {
    const k = kind();
    const article = {};
    let text = '';
    if (k === 'url') {
      article.url = $('#article-url').value.trim();
    } else {
      text = $('#article-body').value;
      article[k] = text;
    }
    const title = $('#article-title').value.trim();
    if (title) article.title = title;
    const date = $('#publish-date').value;
    if (date) article.publishTime = date + 'T00:00:00Z';
    // The features checked (tokens are never asked for: the page does not
    // show them); before the capabilities arrive, all of them.
    const boxes = [...document.querySelectorAll('input[name="feature"]')];
    const features = boxes.length ? boxes.filter((b) => b.checked).map((b) => b.value) : FEATURES.map(([id]) => id);
    const req = { article, features, encodingType: 'ENCODING_TYPE_UTF16' };
    return { req, text: k === 'text' ? text : '', kind: k };
  }

  async function analyze(ev) {
    ev?.preventDefault();
    if (controller) controller.abort();
    const { req, text, kind: k } = buildRequest();
    if (req.features.length === 0) {
      showError(new Error('Choose at least one feature to run.'));
      return;
    }
    state = newState(text, k, new Set(req.features));
    controller = new AbortController();
    const mine = controller;
    showError(null);
    setBusy(true);
    setStatus('Sending the article…');
    const results = $('#results');
    results.hidden = false;
    results.removeAttribute('data-complete');
    renderAll();
    const started = performance.now();
    try {
      const resp = await fetch(API + '/v1/articles:streamAnalyze', {
        method: 'POST',
        headers: apiHeaders({ 'Content-Type': 'application/json', Accept: 'text/event-stream' }),
        body: JSON.stringify(req),
        signal: mine.signal,
      });
      if (!resp.ok) {
        let body = null;
        try { body = await resp.json(); } catch (_) { /* not JSON */ }
        throw new ApiError(body, resp.status);
      }
      setStatus('Analysing…');
      for await (const e of sseEvents(resp.body)) {
        if (mine !== controller) return;
        const data = JSON.parse(e.data);
        if (e.event === 'error') throw new ApiError(data, 200);
        apply(data);
        setStatus(state.complete ? doneMessage(performance.now() - started) : `Analysing… ${stageList()} done.`);
      }
      if (!state.complete) throw new Error('The stream ended before the analysis was complete.');
    } catch (err) {
      if (mine !== controller) return;
      if (err.name === 'AbortError') {
        setStatus('Stopped.');
      } else {
        setStatus('');
        showError(err);
      }
    } finally {
      if (mine === controller) {
        controller = null;
        setBusy(false);
      }
    }
  }

  function doneMessage(ms) {
    const parts = [];
    const count = (part, n, one, many) => { if (state.done.has(part)) parts.push(`${n} ${n === 1 ? one : many}`); };
    count('entities', state.entities.length, 'entity', 'entities');
    count('quotes', state.quotes.length, 'quote', 'quotes');
    count('timeExpressions', state.times.length, 'time expression', 'time expressions');
    const n = state.notices.length;
    if (n) parts.push(`${n} ${n === 1 ? 'feature' : 'features'} not run`);
    return `Done in ${formatMs(ms)}` + (parts.length ? ': ' + parts.join(', ') + '.' : '.');
  }

  function stageList() {
    return PARTS.filter(([id]) => state.done.has(id)).map(([, label]) => label.toLowerCase()).join(', ');
  }

  function setBusy(b) {
    $('#analyze').disabled = b;
    $('#stop').disabled = !b;
    $('#results').setAttribute('aria-busy', String(b));
  }

  function setStatus(s) { $('#status').textContent = s; }

  // ---- Server-Sent Events over fetch ------------------------------------

  async function* sseEvents(body) {
    const reader = body.pipeThrough(new TextDecoderStream()).getReader();
    let buf = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (value) buf += value.replace(/\r\n?/g, '\n');
      let i;
      while ((i = buf.indexOf('\n\n')) >= 0) {
        const block = buf.slice(0, i);
        buf = buf.slice(i + 2);
        let event = 'message';
        const data = [];
        for (const line of block.split('\n')) {
          if (line.startsWith(':')) continue;
          const c = line.indexOf(':');
          const field = c < 0 ? line : line.slice(0, c);
          let v = c < 0 ? '' : line.slice(c + 1);
          if (v.startsWith(' ')) v = v.slice(1);
          if (field === 'event') event = v;
          else if (field === 'data') data.push(v);
        }
        if (data.length) yield { event, data: data.join('\n') };
      }
      if (done) return;
    }
  }

  // ---- merging stage results ------------------------------------------

  function apply(msg) {
    const [part] = Object.keys(msg);
    const v = msg[part];
    switch (part) {
      case 'source':
        if (v.text) state.text = v.text;
        state.metadata = v.metadata || null;
        break;
      case 'language': state.language = v; break;
      case 'syntax': state.sentences = v.sentences || []; break;
      case 'entities': state.entities = v.entities || []; break;
      case 'keyPhrases': state.phrases = v.keyPhrases || []; break;
      case 'summary': state.summary = v; break;
      case 'sentiment': state.sentiment = v; break;
      case 'quotes': state.quotes = v.quotes || []; break;
      case 'timeExpressions': state.times = v.timeExpressions || []; break;
      case 'categories': state.categories = v.categories || []; break;
      case 'statistics': state.statistics = v; break;
      case 'completion':
        state.notices = v.notices || [];
        state.timings = v.stageTimings || [];
        state.total = v.totalDuration || null;
        state.complete = true;
        break;
      default: return; // a part this page does not know yet
    }
    state.done.add(part);
    renderFor(part);
    if (state.complete) $('#results').setAttribute('data-complete', 'true');
  }

  // What each part changes on the page, and the parts each text layer shows;
  // a stage result re-renders only those, which matters for long articles.
  const RENDERS = {
    source: [renderOverview],
    language: [renderOverview],
    syntax: [],
    entities: [renderEntities, renderQuotes, renderSentiment],
    timeExpressions: [renderTimes],
    quotes: [renderQuotes],
    keyPhrases: [renderPhrases],
    summary: [renderSummary],
    sentiment: [renderOverview, renderEntities, renderSentiment],
    categories: [renderCategories],
    statistics: [renderOverview],
  };
  const LAYER_PARTS = {
    entities: ['source', 'entities'], quotes: ['source', 'quotes'], time: ['source', 'timeExpressions'],
    phrases: ['source', 'keyPhrases'], summary: ['source', 'summary'], sentiment: ['source', 'syntax', 'sentiment'],
  };

  function renderFor(part) {
    renderStages();
    if (part === 'completion') {
      // Notices and the end of the stream change the empty panels' notes.
      for (const f of [renderOverview, renderEntities, renderQuotes, renderSummary, renderSentiment, renderPhrases,
        renderTimes, renderCategories, renderNotices, renderTimings]) f();
      if (!state.text) renderText();
      return;
    }
    for (const f of RENDERS[part] || []) f();
    if ((LAYER_PARTS[currentLayer()] || []).includes(part)) renderText();
  }

  // ---- errors -----------------------------------------------------------

  class ApiError extends Error {
    constructor(status, httpStatus) {
      super(status?.message || 'HTTP ' + httpStatus);
      this.name = 'ApiError';
      this.status = status;
      this.httpStatus = httpStatus;
    }
  }

  function detail(status, type) {
    return (status?.details || []).find((d) => (d['@type'] || '').endsWith('/google.rpc.' + type));
  }

  function describe(err) {
    if (err instanceof ApiError) {
      const st = err.status || {};
      const code = typeof st.code === 'number' ? GRPC_CODES[st.code] || String(st.code) : String(st.code || '');
      const info = detail(st, 'ErrorInfo');
      const reason = info?.reason || '';
      let sentence = REASONS[reason] || CODE_SENTENCES[code] || `The server answered with an error (HTTP ${err.httpStatus}).`;
      const extra = [];
      if (reason === 'ARTICLE_TOO_LARGE' && capabilities?.limits?.maxArticleBytes) {
        // an HTML page is held to the page limit; its text (and plain text) to the article limit
        const html = (detail(st, 'BadRequest')?.fieldViolations || []).some((v) => v.field === 'article.html') &&
          /for a page/.test(st.message || '');
        const limit = html && capabilities.limits.maxHtmlBytes ? capabilities.limits.maxHtmlBytes : capabilities.limits.maxArticleBytes;
        sentence += ` The limit is ${formatBytes(Number(limit))}${html ? ' for an HTML page' : ''}.`;
      }
      if (['FETCH_FAILED', 'UNSUPPORTED_CONTENT_TYPE', 'FETCH_TIMEOUT', 'BLOCKED_ADDRESS', 'INVALID_URL', 'ARTICLE_TOO_LARGE'].includes(reason) &&
          st.message && !(detail(st, 'BadRequest')?.fieldViolations || []).some((v) => v.description === st.message)) {
        extra.push(st.message);
      }
      for (const v of detail(st, 'BadRequest')?.fieldViolations || []) {
        if (v.description && !extra.includes(v.description)) extra.push(`${v.field}: ${v.description}`);
      }
      const rid = detail(st, 'RequestInfo')?.requestId;
      const tech = [code && `code ${code}`, reason && `reason ${reason}`, `HTTP ${err.httpStatus}`, rid && `request id ${rid}`]
        .filter(Boolean).join(', ');
      return { sentence, extra, tech: tech + (st.message ? ` — ${st.message}` : '') };
    }
    if (err instanceof TypeError) {
      return {
        sentence: 'Could not reach the Lector server' + (API ? ` at ${API}` : '') + '. Check that it is running.' +
          (API && new URL(API, location.href).origin !== location.origin
            ? ` This page comes from ${location.origin}, so that origin must be in the server’s --cors-origins list.` : ''),
        extra: [], tech: String(err.message || err),
      };
    }
    return { sentence: String(err.message || err), extra: [], tech: '' };
  }

  function showError(err) {
    const box = $('#error');
    if (!err) {
      box.hidden = true;
      box.replaceChildren();
      box.removeAttribute('data-reason');
      return;
    }
    const d = describe(err);
    const reason = err instanceof ApiError ? detail(err.status, 'ErrorInfo')?.reason : '';
    if (reason) box.dataset.reason = reason;
    box.replaceChildren(el('p', { class: 'error-sentence' }, d.sentence));
    for (const x of d.extra) box.append(el('p', {}, x));
    if (d.tech) {
      const det = el('details', {}, el('summary', {}, 'Technical details'), el('p', { class: 'mono' }, d.tech));
      box.append(det);
    }
    box.hidden = false;
  }

  // ---- rendering --------------------------------------------------------

  function renderAll() {
    renderStages();
    renderOverview();
    renderText();
    renderEntities();
    renderQuotes();
    renderSummary();
    renderSentiment();
    renderPhrases();
    renderTimes();
    renderCategories();
    renderNotices();
    renderTimings();
  }

  function wanted(feature) {
    if (!feature) return true;
    return state.features ? state.features.has(feature) : true;
  }

  function noticeFor(feature) { return state.notices.find((n) => n.feature === feature); }

  function renderStages() {
    const ol = $('#stages');
    ol.replaceChildren();
    for (const [id, label, feature] of PARTS) {
      if (!wanted(feature)) continue;
      let st = 'pending', text = 'waiting';
      if (state.done.has(id)) { st = 'done'; text = 'done'; }
      else if (state.complete) {
        st = 'skipped';
        text = noticeFor(feature) ? 'not run' : 'nothing';
      }
      const li = el('li', { class: 'stage ' + st, 'data-part': id, 'data-state': st });
      li.append(el('span', { class: 'dot', 'aria-hidden': 'true' }), label, el('span', { class: 'visually-hidden' }, ': ' + text));
      ol.append(li);
    }
  }

  // A panel shows its content, or a plain note on why it is empty.
  function panelState(panel, feature, part, hasContent, emptyText) {
    const p = $(panel);
    const note = $('.empty', p);
    let s;
    if (hasContent) s = 'done';
    else if (state.done.has(part)) s = 'empty';
    else if (!wanted(feature)) s = 'off';
    else if (state.complete) s = noticeFor(feature) ? 'notice' : 'empty';
    else s = 'pending';
    p.dataset.state = s;
    if (note) {
      note.hidden = s === 'done';
      note.textContent = {
        pending: 'Waiting for this stage…',
        empty: emptyText,
        off: 'Not requested.',
        notice: 'Not run: ' + (noticeFor(feature)?.reason || ''),
        done: '',
      }[s];
    }
    return s;
  }

  function renderOverview() {
    const dl = $('#overview');
    dl.replaceChildren();
    const add = (k, v, id) => dl.append(el('div', {}, el('dt', {}, k), el('dd', id ? { id } : {}, v)));
    const md = state.metadata || {};
    if (md.title) add('Title', md.title);
    if (md.authors?.length) add('By', md.authors.join(', '));
    if (md.siteName) add('Site', md.siteName);
    if (md.canonicalUrl) add('Address', md.canonicalUrl);
    if (md.publishTime) add('Published', formatDate(md.publishTime));
    const lang = state.language;
    if (lang?.code) {
      add('Language', `${languageName(lang.code)} (${lang.code}), ${Math.round((lang.confidence || 0) * 100)}% confident`, 'language');
    } else if (state.complete && noticeFor('FEATURE_LANGUAGE')) {
      add('Language', 'not detected: ' + noticeFor('FEATURE_LANGUAGE').reason, 'language');
    }
    const s = state.statistics;
    if (s) {
      add('Words', fmtInt(s.words));
      add('Sentences', fmtInt(s.sentences));
      add('Paragraphs', fmtInt(s.paragraphs));
      add('Reading time', formatDuration(s.readingTimeSeconds));
      if (s.readability) add('Readability', `${s.readability.toFixed(0)} (Flesch; ${fleschWords(s.readability)})`);
    }
    if (state.sentiment?.document) {
      add('Tone', sentimentWords(state.sentiment.document));
    }
    $('#overview-panel').dataset.state = dl.children.length ? 'done' : 'pending';
    if (!dl.children.length) add('Status', state.complete ? 'Nothing to show.' : 'Waiting…');
  }

  // ---- the text with highlights ------------------------------------------

  function spansForLayer(layer) {
    const out = [];
    switch (layer) {
      case 'entities':
        state.entities.forEach((e, i) => {
          for (const m of e.mentions || []) {
            out.push({ span: m.text, cls: 'ent t-' + short(e.type, 'ENTITY_TYPE_') + ' m-' + short(m.type, 'MENTION_TYPE_'), data: { type: short(e.type, 'ENTITY_TYPE_'), entity: i },
              title: `${e.name} · ${ENTITY_TYPES[short(e.type, 'ENTITY_TYPE_')] || e.type} · ${MENTION_TYPES[short(m.type, 'MENTION_TYPE_')] || ''}` });
          }
        });
        break;
      case 'quotes':
        state.quotes.forEach((q, i) => {
          const k = short(q.kind, 'QUOTE_KIND_');
          // a quote split by its own attribution marks its parts, so that
          // the cue and speaker between them show too
          for (const part of q.contentParts?.length ? q.contentParts : [q.content]) {
            out.push({ span: part, cls: 'quote q-' + k, data: { quote: i }, title: `${q.speaker?.name || 'unattributed'} (${QUOTE_KINDS[k] || k})` });
          }
          if (q.cue?.length) out.push({ span: q.cue, cls: 'cue', data: { quote: i }, title: 'cue' });
          if (q.speaker?.text?.length) out.push({ span: q.speaker.text, cls: 'speaker-mention', data: { quote: i }, title: 'speaker' });
        });
        break;
      case 'time':
        for (const t of state.times) {
          out.push({ span: t.text, cls: 'timex x-' + short(t.type, 'TIME_EXPRESSION_TYPE_'), data: { value: t.value }, title: `${t.value}${resolvedDate(t.value) ? ' · ' + resolvedDate(t.value) : ''}` });
        }
        break;
      case 'phrases':
        state.phrases.forEach((p, i) => {
          for (const m of p.mentions || []) out.push({ span: m, cls: 'phrase', data: { phrase: i }, title: `${p.phrase} (${p.score.toFixed(2)})` });
        });
        break;
      case 'summary':
        for (const s of state.summary?.sentences || []) out.push({ span: s, cls: 'summary', title: 'summary sentence' });
        break;
      case 'sentiment': {
        const scores = state.sentiment?.sentences || [];
        state.sentences.forEach((s, i) => {
          const sc = scores[i] || s.sentiment;
          if (!sc) return;
          const c = sc.score > 0.25 ? 'pos' : sc.score < -0.25 ? 'neg' : 'neu';
          out.push({ span: s.text, cls: 'sent s-' + c, title: `score ${sc.score.toFixed(2)}, magnitude ${sc.magnitude.toFixed(2)}` });
        });
        break;
      }
    }
    return out;
  }

  function renderText() {
    const view = $('#article-view');
    const text = state.text || '';
    const layer = currentLayer();
    const spans = spansForLayer(layer);
    let mismatched = 0;
    const ok = [];
    for (const s of spans) {
      const b = s.span?.beginOffset || 0, n = s.span?.length || 0;
      if (n <= 0 || b < 0 || b + n > text.length) { mismatched++; continue; }
      if (s.span.content && text.substr(b, n) !== s.span.content) { mismatched++; continue; }
      ok.push({ ...s, b, e: b + n });
    }
    // Longest first at a position; an overlapping later span is dropped
    // (quote cues and speakers sit outside their content).
    ok.sort((x, y) => x.b - y.b || y.e - x.e);
    const frag = document.createDocumentFragment();
    let pos = 0;
    for (const s of ok) {
      if (s.b < pos) continue;
      if (s.b > pos) frag.append(text.slice(pos, s.b));
      const m = el('mark', { class: s.cls, title: s.title });
      for (const [k, v] of Object.entries(s.data || {})) m.dataset[k] = v;
      m.textContent = text.slice(s.b, s.e);
      frag.append(m);
      pos = s.e;
    }
    frag.append(text.slice(pos));
    view.replaceChildren(frag);
    view.dataset.layer = layer;
    const warn = $('#span-warning');
    warn.hidden = mismatched === 0;
    warn.textContent = mismatched ? `${mismatched} highlighted ${mismatched === 1 ? 'span does' : 'spans do'} not match the text and ${mismatched === 1 ? 'was' : 'were'} left out.` : '';
    if (!text) view.append(el('p', { class: 'muted' }, state.done.has('source') ? '' : 'Waiting for the text…'));
    renderLegend(layer);
  }

  function renderLegend(layer) {
    const ul = $('#legend');
    ul.replaceChildren();
    const item = (cls, label) => ul.append(el('li', {}, el('mark', { class: cls, 'aria-hidden': 'true' }, 'Abc'), ' ' + label));
    if (layer === 'entities') {
      const seen = new Set(state.entities.map((e) => short(e.type, 'ENTITY_TYPE_')));
      const types = seen.size ? [...Object.keys(ENTITY_TYPES)].filter((t) => seen.has(t)) : [];
      for (const t of types) item('ent t-' + t, ENTITY_TYPES[t]);
      if (state.entities.some((e) => (e.mentions || []).some((m) => m.type !== 'MENTION_TYPE_PROPER'))) {
        item('ent t-MISC m-COMMON', 'pronoun or description (underlined in its type’s colour)');
      }
      if (!types.length) ul.append(el('li', { class: 'muted' }, state.done.has('entities') ? 'No entities found.' : 'Entities will be highlighted here.'));
    } else if (layer === 'quotes') {
      item('quote q-DIRECT', 'direct quote'); item('quote q-INDIRECT', 'reported speech'); item('quote q-MIXED', 'partly direct');
      item('cue', 'cue verb'); item('speaker-mention', 'speaker');
    } else if (layer === 'time') {
      for (const [k, v] of Object.entries(TIME_TYPES)) item('timex x-' + k, v);
    } else if (layer === 'phrases') {
      item('phrase', 'key phrase');
    } else if (layer === 'summary') {
      item('summary', 'summary sentence');
    } else if (layer === 'sentiment') {
      item('sent s-pos', 'positive'); item('sent s-neu', 'neutral or mixed'); item('sent s-neg', 'negative');
    }
  }

  function focusEntity(i, on) {
    for (const m of document.querySelectorAll(`#article-view mark[data-entity="${i}"]`)) m.classList.toggle('focus', on);
  }

  // ---- panels -------------------------------------------------------------

  function renderEntities() {
    const n = state.entities.length;
    $('#entities-panel .count').textContent = n ? `(${n})` : '';
    panelState('#entities-panel', 'FEATURE_ENTITIES', 'entities', n > 0, 'No entities found.');
    const tb = $('#entities tbody');
    tb.replaceChildren();
    const sentiments = state.sentiment?.entities || [];
    $('#entities').hidden = n === 0;
    state.entities.forEach((e, i) => {
      const t = short(e.type, 'ENTITY_TYPE_');
      const tr = el('tr', { 'data-entity': i });
      const name = el('th', { scope: 'row' }, e.name);
      const mentions = e.mentions || [];
      const counts = {};
      for (const m of mentions) counts[short(m.type, 'MENTION_TYPE_')] = (counts[short(m.type, 'MENTION_TYPE_')] || 0) + 1;
      const roles = (e.roles || []).map((r) => [r.title, r.affiliation].filter(Boolean).join(', ')).filter(Boolean);
      const s = sentiments[i] || e.sentiment;
      const country = e.countryCode ? el('span', { class: 'cc', title: regionName(e.countryCode) }, e.countryCode) : '';
      const region = e.regionCode ? el('span', { class: 'muted small', title: 'ISO 3166-2 region' }, ' ' + e.regionCode) : '';
      const loc = e.location && (e.location.latitude || e.location.longitude)
        ? el('span', { class: 'muted small' }, ` ${e.location.latitude.toFixed(2)}, ${e.location.longitude.toFixed(2)}`) : '';
      tr.append(
        name,
        el('td', { 'data-label': 'Type' }, el('span', { class: 'badge t-' + t }, ENTITY_TYPES[t] || t)),
        el('td', { class: 'num', 'data-label': 'Salience' }, meter(e.salience || 0, 1, (e.salience || 0).toFixed(3))),
        el('td', { class: 'num', 'data-label': 'Mentions', title: Object.entries(counts).map(([k, c]) => `${c} ${MENTION_TYPES[k] || k}`).join(', ') }, String(mentions.length)),
        el('td', { 'data-label': 'Roles' }, roles.join('; ')),
        el('td', { 'data-label': 'Country' }, country || region || loc ? el('span', {}, country, region, loc) : ''),
        el('td', { 'data-label': 'Sentiment' }, s ? sentimentChip(s) : ''),
      );
      // Pointing at or tabbing to a row outlines the entity's mentions.
      tr.tabIndex = 0;
      tr.title = 'Outlines the mentions of ' + e.name + ' in the text';
      for (const [ev, on] of [['mouseenter', true], ['mouseleave', false], ['focus', true], ['blur', false]]) {
        tr.addEventListener(ev, () => focusEntity(i, on));
      }
      tb.append(tr);
    });
  }

  function renderQuotes() {
    const box = $('#quotes');
    const n = state.quotes.length;
    $('#quotes-panel .count').textContent = n ? `(${n})` : '';
    panelState('#quotes-panel', 'FEATURE_QUOTES', 'quotes', n > 0, 'No quotes found.');
    box.replaceChildren();
    const groups = new Map();
    for (const q of state.quotes) {
      const sp = q.speaker || {};
      const hasIdx = sp.entityIndex !== undefined && sp.entityIndex !== null;
      const key = hasIdx ? 'e' + sp.entityIndex : sp.name ? 'n' + sp.name.toLowerCase() : '?';
      if (!groups.has(key)) {
        const ent = hasIdx ? state.entities[sp.entityIndex] : null;
        groups.set(key, { name: ent?.name || sp.name || 'Unattributed', entity: ent, quotes: [] });
      }
      groups.get(key).quotes.push(q);
    }
    const sorted = [...groups.values()].sort((a, b) => (a.name === 'Unattributed') - (b.name === 'Unattributed') || b.quotes.length - a.quotes.length);
    for (const g of sorted) {
      const sec = el('section', { class: 'speaker' });
      const h = el('h3', { class: 'speaker-name' }, g.name);
      h.append(el('span', { class: 'muted small' }, ` · ${g.quotes.length} ${g.quotes.length === 1 ? 'quote' : 'quotes'}`));
      sec.append(h);
      const roles = (g.entity?.roles || []).map((r) => [r.title, r.affiliation].filter(Boolean).join(', ')).filter(Boolean);
      if (roles.length) sec.append(el('p', { class: 'muted small role' }, roles.join('; ')));
      for (const q of g.quotes) {
        const k = short(q.kind, 'QUOTE_KIND_');
        const fig = el('figure', { class: 'quote-item' });
        const said = q.contentParts?.length ? q.contentParts.map((p) => p.content).join(' … ') : (q.content?.content || '');
        fig.append(el('blockquote', { class: 'q-' + k }, said));
        const cap = el('figcaption', { class: 'small muted' }, QUOTE_KINDS[k] || k);
        if (q.cue?.content) cap.append(` · cue “${q.cue.content}”`);
        if (q.speaker?.text?.content && q.speaker.text.content !== g.name) cap.append(` · as “${q.speaker.text.content}”`);
        fig.append(cap);
        sec.append(fig);
      }
      box.append(sec);
    }
  }

  function renderSummary() {
    const ol = $('#summary');
    const sents = state.summary?.sentences || [];
    panelState('#summary-panel', 'FEATURE_SUMMARY', 'summary', sents.length > 0, 'No summary.');
    ol.replaceChildren(...sents.map((s) => el('li', {}, s.content)));
  }

  function renderSentiment() {
    const box = $('#sentiment');
    const s = state.sentiment;
    panelState('#sentiment-panel', 'FEATURE_SENTIMENT', 'sentiment', !!s?.document, 'No sentiment.');
    box.replaceChildren();
    if (!s?.document) return;
    box.append(el('p', {}, 'Article: ', sentimentChip(s.document), ' ', el('span', { class: 'muted small' }, sentimentWords(s.document))));
    const rows = (s.entities || []).map((x, i) => [state.entities[i], x]).filter(([e, x]) => e && x && (x.magnitude > 0 || x.score !== 0));
    if (rows.length) {
      const ul = el('ul', { class: 'bars sentiment-list', 'aria-label': 'Sentiment per entity' });
      for (const [e, x] of rows.slice(0, 15)) {
        ul.append(el('li', {}, el('span', { class: 'bar-label' }, e.name), sentimentBar(x)));
      }
      box.append(el('h3', {}, 'Per entity'), ul);
    }
  }

  function renderPhrases() {
    const ol = $('#phrases');
    const n = state.phrases.length;
    $('#phrases-panel .count').textContent = n ? `(${n})` : '';
    panelState('#phrases-panel', 'FEATURE_KEY_PHRASES', 'keyPhrases', n > 0, 'No key phrases.');
    ol.replaceChildren(...state.phrases.map((p) => el('li', { title: `score ${p.score.toFixed(3)}, ${p.mentions?.length || 0} mentions` }, p.phrase)));
  }

  function renderTimes() {
    const tb = $('#times tbody');
    const n = state.times.length;
    $('#time-panel .count').textContent = n ? `(${n})` : '';
    panelState('#time-panel', 'FEATURE_TIME_EXPRESSIONS', 'timeExpressions', n > 0, 'No time expressions.');
    $('#times').hidden = n === 0;
    tb.replaceChildren(...state.times.map((t) => {
      const k = short(t.type, 'TIME_EXPRESSION_TYPE_');
      const res = resolvedDate(t.value);
      const words = res || timexWords(t.value, k);
      return el('tr', {},
        el('th', { scope: 'row' }, t.text?.content || ''),
        el('td', { 'data-label': 'Type' }, TIME_TYPES[k] || k),
        el('td', { class: 'mono', 'data-label': 'Value' }, t.value || ''),
        el('td', { 'data-label': 'Resolved' }, words ? el('span', {}, words, t.anchored && res ? el('span', { class: 'muted small' }, ' (from the publish date)') : '') : ''));
    }));
  }

  function renderCategories() {
    const ul = $('#categories');
    const n = state.categories.length;
    panelState('#categories-panel', 'FEATURE_CATEGORIES', 'categories', n > 0, 'No categories.');
    ul.replaceChildren(...state.categories.map((c) => el('li', {},
      el('span', { class: 'bar-label' }, c.name.replace(/^\//, '').replace(/\//g, ' › ').replace(/_/g, ' ')),
      meter(c.confidence || 0, 1, Math.round((c.confidence || 0) * 100) + '%'))));
  }

  function renderNotices() {
    const p = $('#notices-panel');
    p.hidden = state.notices.length === 0;
    $('#notices').replaceChildren(...state.notices.map((n) =>
      el('li', {}, el('strong', {}, FEATURE_NAME[n.feature] || n.feature), ': ', n.reason)));
  }

  function renderTimings() {
    const p = $('#timings-panel');
    p.hidden = !state.complete || state.timings.length === 0;
    const items = state.timings.map((t) => el('div', {}, el('dt', {}, t.stage.replace(/_/g, ' ')), el('dd', {}, formatMs(parseDuration(t.duration) * 1000))));
    if (state.total) items.push(el('div', { class: 'total' }, el('dt', {}, 'total'), el('dd', {}, formatMs(parseDuration(state.total) * 1000))));
    $('#timings').replaceChildren(...items);
  }

  // ---- small widgets and formats ------------------------------------------

  function el(tag, attrs = {}, ...kids) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (v === undefined || v === null || v === false) continue;
      e.setAttribute(k, v === true ? '' : String(v));
    }
    for (const k of kids) if (k !== '' && k !== null && k !== undefined) e.append(k);
    return e;
  }

  function meter(v, max, label) {
    const w = el('span', { class: 'meter', role: 'img', 'aria-label': label });
    const fill = el('span', { class: 'fill' });
    fill.style.width = Math.max(0, Math.min(100, (v / max) * 100)).toFixed(1) + '%';
    w.append(fill);
    return el('span', { class: 'meter-wrap' }, w, el('span', { class: 'meter-value', 'aria-hidden': 'true' }, label));
  }

  function sentimentBar(s) {
    const w = el('span', { class: 'meter diverging', role: 'img', 'aria-label': `score ${s.score.toFixed(2)}` });
    const fill = el('span', { class: 'fill ' + (s.score >= 0 ? 'pos' : 'neg') });
    const half = Math.min(50, Math.abs(s.score) * 50);
    fill.style.width = half.toFixed(1) + '%';
    fill.style.left = (s.score >= 0 ? 50 : 50 - half).toFixed(1) + '%';
    w.append(fill);
    return el('span', { class: 'meter-wrap' }, w, el('span', { class: 'meter-value', 'aria-hidden': 'true' }, s.score.toFixed(2)));
  }

  // a score reads positive above 0.25, negative below -0.25, otherwise
  // neutral (proto Sentiment.score: the model's most probable class)
  function sentimentChip(s) {
    const c = s.score > 0.25 ? 'pos' : s.score < -0.25 ? 'neg' : 'neu';
    return el('span', { class: 'chip s-' + c, title: `score ${s.score.toFixed(2)}, magnitude ${s.magnitude.toFixed(2)}` },
      (s.score > 0 ? '+' : '') + s.score.toFixed(2));
  }

  function sentimentWords(s) {
    const tone = s.score > 0.25 ? 'positive' : s.score < -0.25 ? 'negative' : s.magnitude >= 1 ? 'mixed' : 'neutral';
    return `${tone} (score ${s.score.toFixed(2)}, magnitude ${s.magnitude.toFixed(2)})`;
  }

  function fleschWords(f) {
    if (f >= 80) return 'easy';
    if (f >= 60) return 'plain';
    if (f >= 50) return 'fairly difficult';
    if (f >= 30) return 'difficult';
    return 'very difficult';
  }

  function short(v, prefix) { return String(v || '').replace(prefix, ''); }
  function fmtInt(n) { return Number(n || 0).toLocaleString('en'); }
  function formatMs(ms) { return ms < 1000 ? `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`; }
  function parseDuration(d) { return typeof d === 'string' ? parseFloat(d) : Number(d?.seconds || 0) + Number(d?.nanos || 0) / 1e9; }
  function formatBytes(n) { return n >= 1 << 20 ? `${(n / (1 << 20)).toFixed(n % (1 << 20) ? 1 : 0)} MiB` : n >= 1024 ? `${Math.round(n / 1024)} KiB` : `${n} bytes`; }

  function formatDuration(sec) {
    sec = Math.round(sec || 0);
    if (sec < 60) return `${sec} s`;
    return `${Math.floor(sec / 60)} min ${sec % 60} s`;
  }

  function formatDate(iso) {
    const d = new Date(iso);
    if (isNaN(d)) return iso;
    return d.toLocaleDateString('en-GB', { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'long', year: 'numeric' });
  }

  // resolvedDate reads a TIMEX3 value as words when it names a calendar
  // date, month or year; other values are shown as they are.
  function resolvedDate(v) {
    if (!v) return '';
    let m = /^(\d{4})-(\d{2})-(\d{2})(T\d{2}:\d{2})?/.exec(v);
    if (m) {
      const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
      if (isNaN(d)) return '';
      return d.toLocaleDateString('en-GB', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }) + (m[4] ? ', ' + m[4].slice(1) : '');
    }
    m = /^(\d{4})-(\d{2})$/.exec(v);
    if (m) return new Date(Date.UTC(+m[1], +m[2] - 1, 1)).toLocaleDateString('en-GB', { timeZone: 'UTC', month: 'long', year: 'numeric' });
    m = /^(\d{4})-W(\d{2})$/.exec(v);
    if (m) return `week ${+m[2]} of ${m[1]}`;
    m = /^(\d{4})-Q([1-4])$/.exec(v);
    if (m) return `quarter ${m[2]} of ${m[1]}`;
    return '';
  }

  // timexWords reads a TIMEX3 duration, set or reference value as words.
  function timexWords(v, type) {
    if (!v) return '';
    const refs = { PAST_REF: 'some time in the past', PRESENT_REF: 'now', FUTURE_REF: 'some time in the future' };
    if (refs[v]) return refs[v];
    const units = { Y: 'year', M: 'month', W: 'week', D: 'day', H: 'hour', MIN: 'minute', S: 'second', Q: 'quarter', DE: 'decade', CE: 'century' };
    const m = /^P(T?)(\d+(?:\.\d+)?|X)([A-Z]+)$/.exec(v);
    if (m) {
      const unit = m[1] && m[3] === 'M' ? 'minute' : units[m[3]];
      if (!unit) return '';
      const n = m[2] === 'X' ? 'some' : m[2];
      const phrase = n === '1' ? unit : `${n} ${unit}s`;
      return type === 'SET' ? (n === '1' ? `every ${unit}` : `every ${phrase}`) : phrase;
    }
    const w = /^XXXX-WXX-([1-7])$/.exec(v);
    if (w) return 'a ' + ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'][+w[1] - 1] + ' (give a publish date to resolve it)';
    return '';
  }

  function languageName(code) {
    try { return new Intl.DisplayNames(['en'], { type: 'language' }).of(code) || code; } catch (_) { return code; }
  }

  function regionName(code) {
    try { return new Intl.DisplayNames(['en'], { type: 'region' }).of(code) || code; } catch (_) { return code; }
  }

  // ---- start ----------------------------------------------------------------

  function start() {
    $('#analyze-form').addEventListener('submit', analyze);
    $('#stop').addEventListener('click', () => controller?.abort());
    $('#sample').addEventListener('click', () => {
      document.querySelector('input[name="kind"][value="text"]').checked = true;
      syncKind();
      $('#article-body').value = SAMPLE;
      $('#article-body').focus();
    });
    for (const r of document.querySelectorAll('input[name="kind"]')) r.addEventListener('change', syncKind);
    // Ctrl+Enter (or Cmd+Enter) in the text box analyses.
    $('#article-body').addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) $('#analyze-form').requestSubmit();
    });
    for (const r of document.querySelectorAll('input[name="layer"]')) {
      r.addEventListener('change', () => { if (state) renderText(); });
    }
    $('#article-body').addEventListener('paste', () => {
      setTimeout(() => {
        const v = $('#article-body').value;
        if (kind() === 'text' && /^\s*<(!doctype|html|head|body|article|div|p)\b/i.test(v)) {
          document.querySelector('input[name="kind"][value="html"]').checked = true;
          syncKind();
        }
      }, 0);
    });
    recallKey();
    $('#api-key').addEventListener('change', () => { rememberKey(); loadCapabilities(); });
    syncKind();
    loadCapabilities();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
