// Drives Lector's page in headless Chromium and prints what it saw as one
// JSON object on stdout; the Go tests in internal/web run it and judge the
// result. It uses the system Chromium (/usr/bin/chromium) through
// playwright-core and never downloads a browser.
//
//   node .ci/e2e/page.mjs --url http://127.0.0.1:8080/ --text-file article.txt \
//     [--publish-date 2023-09-20] [--screenshot out.png] [--viewport 1280x900] \
//     [--probe http://127.0.0.1:8080] [--timeout 60000] [--layer entities] [--kind text|html|url]
//     [--features FEATURE_ENTITIES,FEATURE_STATISTICS] [--api-key KEY]
//
// --probe also calls GET <probe>/v1/capabilities with fetch() from the
// page's origin and reports whether the browser let the page read it (CORS).
import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const args = {};
for (let i = 2; i < process.argv.length; i += 2) {
  const k = process.argv[i].replace(/^--/, '');
  args[k] = process.argv[i + 1];
}
if (!args.url) {
  console.error('usage: node page.mjs --url URL [--text-file FILE | --text TEXT] [--screenshot FILE] ...');
  process.exit(2);
}
const timeout = Number(args.timeout || 60000);
const [vw, vh] = (args.viewport || '1280x900').split('x').map(Number);
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';

const profile = mkdtempSync(join(tmpdir(), 'lector-e2e-'));
const out = { url: args.url, consoleErrors: [], foreignRequests: [], failedRequests: [] };
let context;
try {
  context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport: { width: vw, height: vh },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
  });
  const page = context.pages()[0] || await context.newPage();
  page.setDefaultTimeout(timeout);
  const allowed = new Set([new URL(args.url).origin]);
  if (args.probe) allowed.add(new URL(args.probe).origin);
  page.on('console', (m) => { if (m.type() === 'error') out.consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => out.consoleErrors.push('page error: ' + e.message));
  page.on('request', (r) => {
    const u = r.url();
    if (u.startsWith('data:')) return;
    if (!allowed.has(new URL(u).origin)) out.foreignRequests.push(u);
  });
  page.on('requestfailed', (r) => out.failedRequests.push(`${r.method()} ${r.url()}: ${r.failure()?.errorText}`));

  const resp = await page.goto(args.url, { waitUntil: 'load' });
  out.pageStatus = resp?.status();
  out.csp = resp?.headers()['content-security-policy'] || '';
  out.title = await page.title();
  out.openapiLink = await page.locator('a[href$="/openapi.json"]').count();
  // Form controls without an accessible name.
  out.unlabelled = await page.evaluate(() => [...document.querySelectorAll('input, textarea, select, button')]
    .filter((e) => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby') &&
      !(e.tagName === 'BUTTON' && e.textContent.trim()))
    .map((e) => e.outerHTML.slice(0, 80)));

  if (args.probe) {
    out.probe = await page.evaluate(async (base) => {
      try {
        const r = await fetch(base + '/v1/capabilities');
        const j = await r.json();
        return { ok: r.ok, status: r.status, features: (j.features || []).length };
      } catch (e) {
        return { ok: false, error: String(e) };
      }
    }, args.probe);
  }

  let text = args.text;
  if (args['text-file']) text = readFileSync(args['text-file'], 'utf8');
  if (text !== undefined) {
    const kind = args.kind || 'text';
    await page.locator(`input[name="kind"][value="${kind}"]`).check();
    await page.locator(kind === 'url' ? '#article-url' : '#article-body').fill(text);
    if (args['publish-date']) await page.locator('#publish-date').fill(args['publish-date']);
    if (args['api-key']) {
      await page.evaluate(() => { document.querySelector('#connection').open = true; });
      await page.locator('#api-key').fill(args['api-key']);
      await page.locator('#api-key').dispatchEvent('change');
    }
    if (args.features) { // a comma-separated list such as FEATURE_ENTITIES,FEATURE_STATISTICS
      const want = new Set(args.features.split(','));
      await page.locator('#features input').first().waitFor({ state: 'attached' });
      await page.evaluate(() => { document.querySelector('#feature-choice').open = true; });
      for (const cb of await page.locator('#features input:not([disabled])').all()) {
        await cb.setChecked(want.has(await cb.getAttribute('value')));
      }
    }
    // Record when each stage first shows as done, to see that results
    // arrive one by one rather than all at the end.
    await page.evaluate(() => {
      window.__stageTimes = {};
      const t0 = performance.now();
      new MutationObserver(() => {
        for (const li of document.querySelectorAll('#stages li[data-state="done"]')) {
          if (!(li.dataset.part in window.__stageTimes)) window.__stageTimes[li.dataset.part] = Math.round(performance.now() - t0);
        }
      }).observe(document.querySelector('#stages'), { childList: true, subtree: true });
    });
    const started = Date.now();
    await page.locator('#analyze').click();
    // The first stage result shows the text; then wait for the end or an error.
    await page.waitForFunction(() => document.querySelector('#results')?.dataset.complete === 'true' ||
      !document.querySelector('#error').hidden, null, { timeout });
    out.seconds = (Date.now() - started) / 1000;
    if (args.layer) await page.locator(`input[name="layer"][value="${args.layer}"]`).check();
    Object.assign(out, await page.evaluate(() => {
      const q = (s) => [...document.querySelectorAll(s)];
      // WCAG contrast of every visible text against the first opaque
      // background behind it; disabled controls are exempt.
      const lowContrast = () => {
        const rgb = (c) => (c.match(/[\d.]+/g) || []).map(Number);
        const lum = ([r, g, b]) => {
          const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
          return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
        };
        const bg = (e) => {
          for (; e; e = e.parentElement) {
            const c = rgb(getComputedStyle(e).backgroundColor);
            if (c.length === 3 || (c.length === 4 && c[3] > 0.5)) return c.slice(0, 3);
          }
          return [255, 255, 255];
        };
        const bad = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        const seen = new Set();
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const e = n.parentElement;
          if (!n.textContent.trim() || seen.has(e) || e.closest('[hidden], :disabled, .visually-hidden')) continue;
          seen.add(e);
          const cs = getComputedStyle(e);
          if (cs.visibility === 'hidden' || cs.display === 'none' || !e.getClientRects().length) continue;
          const fg = rgb(cs.color);
          const [a, b] = [lum(fg.slice(0, 3)), lum(bg(e))];
          const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
          const size = parseFloat(cs.fontSize), bold = Number(cs.fontWeight) >= 700;
          const need = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
          if (ratio < need) bad.push(`${e.tagName.toLowerCase()}.${e.className}: ${ratio.toFixed(2)} "${n.textContent.trim().slice(0, 30)}"`);
        }
        return bad;
      };
      const err = document.querySelector('#error');
      return {
        complete: document.querySelector('#results').dataset.complete === 'true',
        status: document.querySelector('#status').textContent,
        serverInfo: document.querySelector('#server-info').textContent,
        error: err.hidden ? '' : err.querySelector('.error-sentence')?.textContent || err.textContent,
        errorReason: err.dataset.reason || '',
        articleText: document.querySelector('#article-view').textContent.slice(0, 5000),
        marks: q('#article-view mark').length,
        markTypes: [...new Set(q('#article-view mark[data-type]').map((m) => m.dataset.type))],
        legend: q('#legend li').map((l) => l.textContent.trim()),
        entities: q('#entities tbody tr').length,
        speakers: q('#quotes .speaker-name').map((h) => h.firstChild.textContent),
        quotes: q('#quotes blockquote').length,
        phrases: q('#phrases li').length,
        summary: q('#summary li').length,
        times: q('#times tbody tr').map((r) => [...r.cells].map((c) => c.textContent)),
        categories: q('#categories li').length,
        sentiment: document.querySelector('#sentiment').textContent,
        overview: Object.fromEntries(q('#overview dt').map((dt) => [dt.textContent, dt.nextElementSibling?.textContent || ''])),
        stages: Object.fromEntries(q('#stages li').map((li) => [li.dataset.part, li.dataset.state])),
        panels: Object.fromEntries(q('#results section.panel').map((p) => [p.id, p.hidden ? 'hidden' : p.dataset.state || ''])),
        notices: q('#notices li').map((li) => li.textContent),
        spanWarning: document.querySelector('#span-warning').hidden ? '' : document.querySelector('#span-warning').textContent,
        overflowX: document.documentElement.scrollWidth > document.documentElement.clientWidth + 1,
        overflowing: q('.scroll, .article, .panel').filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.id || e.firstElementChild?.id || e.className),
        stageTimes: window.__stageTimes,
        lowContrast: lowContrast(),
      };
    }));
  }
  if (args.screenshot) {
    await page.screenshot({ path: args.screenshot, fullPage: true });
    out.screenshot = args.screenshot;
  }
} catch (e) {
  out.failure = String(e && e.stack || e);
} finally {
  if (context) await context.close().catch(() => {});
  rmSync(profile, { recursive: true, force: true });
}
// exitCode rather than exit(): exit() could cut a long write to a pipe.
process.exitCode = out.failure ? 1 : 0;
process.stdout.write(JSON.stringify(out) + '\n');
