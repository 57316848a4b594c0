// Opens Banana Cake Pop in headless Chromium at the URL given (the server's /graphql), waits until it has loaded the
// schema (its introspection request answered), types the operation given on standard input into a new document and
// runs it. For a query or mutation (sent over HTTP) it prints what the page shows as the response:
// {"introspected": true, "sent": <query sent>, "shown": <response>}. For a subscription (mode "subscription") it
// prints the WebSocket exchange the IDE had with the server until the first answer to its subscribe message:
// {"introspected": true, "socket": <url>, "messages": [{"direction", "type", "payload"?}]}
// (connection_init's payload, the browser's headers, left out). Both also give "cspViolations": what the server's
// Content-Security-Policy blocked, as Chromium reported it.
// With a session token as third argument, the browser holds it as the server's session cookie (as after signing in).
// Usage: node ide/bcp-run-query.mjs <url of /graphql> [query|subscription] [token] < operation
// Every step waits for a condition, never for a fixed time; the whole run is bounded by a deadline.
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const [url, mode = 'query', token] = process.argv.slice(2);
const query = readFileSync(0, 'utf8');
const stepTimeout = 60_000;
const deadline = setTimeout(() => fail(new Error('the browser run took longer than 150 s')), 150_000);

const log = [];
// What the server's Content-Security-Policy blocked: Chromium reports each violation on the console.
const cspViolations = [];
let browser;
let page;

async function fail(error) {
  clearTimeout(deadline);
  let text = '';
  try {
    text = page ? (await page.locator('body').innerText({ timeout: 2_000 })).slice(0, 2_000) : '';
  } catch {
    // The page is gone: the log says what happened before.
  }
  console.error(`${error.stack ?? error}\n--- page events ---\n${log.join('\n')}\n--- page text ---\n${text}`);
  await browser?.close().catch(() => {});
  process.exit(1);
}

try {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
  });
  // Monaco renders only the lines in view: a tall window keeps a response of a few dozen lines whole on the page.
  page = await browser.newPage({ viewport: { width: 1280, height: 1600 } });
  if (token) {
    await page.context().addCookies([{ name: 'ipp_session', value: token, url, httpOnly: true, sameSite: 'Strict' }]);
  }
  page.setDefaultTimeout(stepTimeout);
  page.on('pageerror', e => log.push(`page error: ${e.message}`));
  page.on('console', m => {
    if (m.type() === 'error') {
      log.push(`console error: ${m.text()}`);
    }
    if (m.text().includes('Content Security Policy')) {
      cspViolations.push(m.text());
    }
  });
  page.on('requestfailed', r => log.push(`request failed: ${r.method()} ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', r => log.push(`${r.status()} ${r.request().method()} ${r.url()}`));

  // The schema is loaded when an introspection query is answered with data.
  const introspected = page.waitForResponse(async response => {
    const request = response.request();
    if (request.method() !== 'POST' || !(request.postData() ?? '').includes('__schema') || response.status() !== 200) {
      return false;
    }
    const body = await response.json().catch(() => null);
    return body?.data?.__schema != null;
  }, { timeout: stepTimeout });

  await page.goto(url);
  await page.getByRole('button', { name: 'Create Document' }).click();
  await introspected;
  await page.getByText('Schema available').waitFor();

  const editor = page.locator('.monaco-editor[data-uri^="file:///operations/"]');
  await editor.click();
  await page.keyboard.insertText(query);
  // The code lens over the operation appears once the IDE has parsed the document it will send.
  await page.getByRole('button', { name: 'Run ▷' }).waitFor();

  if (mode === 'subscription') {
    console.log(JSON.stringify({ introspected: true, ...await runSubscription(), cspViolations }));
  } else {
    console.log(JSON.stringify({ introspected: true, ...await runQuery(), cspViolations }));
  }
  clearTimeout(deadline);
  await browser.close();
} catch (error) {
  await fail(error);
}

async function runQuery() {
  const sent = page.waitForRequest(request => request.method() === 'POST' && (request.postData() ?? '').includes(JSON.stringify(query).slice(1, -1)));
  await page.getByRole('button', { name: /^Run Operation/ }).click();
  const sentBody = JSON.parse((await sent).postData());

  // The response panel is the editor that is neither the operation's nor the variables'; its lines are read in
  // the order they are shown (Monaco positions them, the DOM order may differ) until they form JSON.
  const shown = await page.waitForFunction(() => {
    const responseEditor = document.querySelector('.monaco-editor:not([data-uri^="file:///operations/"]):not([data-uri^="file:///variables/"])');
    if (!responseEditor) {
      return null;
    }
    const lines = [...responseEditor.querySelectorAll('.view-line')]
      .sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top))
      .map(line => line.textContent.replace(/\u00a0/g, ' '));
    try {
      const value = JSON.parse(lines.join('\n'));
      return value && typeof value === 'object' ? value : null;
    } catch {
      return null;
    }
  }, null, { timeout: stepTimeout });
  return { sent: sentBody.query, shown: await shown.jsonValue() };
}

async function runSubscription() {
  // The IDE may open more than one socket (it probes the protocol); the one that carries the subscribe message counts.
  const answered = new Promise(resolve => {
    page.on('websocket', socket => {
      const messages = [];
      let subscribeId = null;
      const record = (direction, frame) => {
        const message = JSON.parse(frame.payload);
        messages.push({ direction, type: message.type, ...(message.type === 'connection_init' ? {} : { payload: message.payload }) });
        if (direction === 'sent' && message.type === 'subscribe') {
          subscribeId = message.id;
        } else if (direction === 'received' && subscribeId !== null && message.id === subscribeId) {
          resolve({ socket: socket.url(), messages });
        }
      };
      socket.on('framesent', frame => record('sent', frame));
      socket.on('framereceived', frame => record('received', frame));
    });
  });
  await page.getByRole('button', { name: /^Run Operation/ }).click();
  let timer;
  const timedOut = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error('no answer to the subscription over a WebSocket')), stepTimeout); });
  try {
    return await Promise.race([answered, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
