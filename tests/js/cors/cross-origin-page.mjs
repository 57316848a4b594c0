// A single-page app served from another origin than the API, as a browser runs it: headless Chromium (Debian's
// chromium, driven by playwright-core) opens a page of http://127.0.0.1:<allowedPort> (a tiny static server started
// here) that signs up with fetch(credentials: 'include') running createUser, asks `{ me { email } }` with the session
// cookie only, and asks it again over a WebSocket (graphql-transport-ws, no token in connection_init). Then, in the same
// browser (the cookie still held), a page of http://127.0.0.1:<otherPort>, an origin the server does not allow, tries
// the same query with fetch and over a WebSocket.
// Input on standard input, JSON: {"graphql": <the API's /graphql URL>, "allowedPort", "otherPort", "createUser": <the
// mutation, variables $email and $password>, "email", "password"}.
// Prints {"allowed": {"signedUp", "me", "socketMe", "cookie"}, "other": {"fetchError", "socketMe"}}: emails (null
// when anonymous), the session cookie as the browser holds it, and the error fetch gave the other origin's page.
// Every step waits for a condition, never for a fixed time; the whole run is bounded by a deadline.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { chromium } from 'playwright-core';

const input = JSON.parse(readFileSync(0, 'utf8'));
const deadline = setTimeout(() => fail(new Error('the browser run took longer than 120 s')), 120_000);
const log = [];
let browser;
const pageServers = [];

async function fail(error) {
  clearTimeout(deadline);
  console.error(`${error.stack ?? error}\n--- page events ---\n${log.join('\n')}`);
  await browser?.close().catch(() => {});
  pageServers.forEach(server => server.close());
  process.exit(1);
}

/** Serves one empty HTML page on 127.0.0.1:port, the origin the app's scripts run in. */
function servePage(port) {
  const server = createServer((_, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end('<!doctype html><title>portal</title><p>A frontend on another origin.</p>');
  });
  pageServers.push(server);
  return new Promise((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
}

// Runs in the page: the app's calls, with the browser's cookie and no token of its own.
async function callApi({ graphql, createUser, email, password }) {
  const post = async (query, variables) => {
    const response = await fetch(graphql, {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ query, variables }),
    });
    return response.json();
  };
  const meOverWebSocket = () => new Promise((resolve, reject) => {
    const socket = new WebSocket(graphql.replace(/^http/, 'ws'), 'graphql-transport-ws');
    socket.onopen = () => socket.send(JSON.stringify({ type: 'connection_init' }));
    socket.onerror = () => reject(new Error('the WebSocket failed'));
    socket.onmessage = event => {
      const message = JSON.parse(event.data);
      if (message.type === 'connection_ack') {
        socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: '{ me { email } }' } }));
      } else if (message.type === 'next') {
        socket.close();
        resolve(message.payload.data.me?.email ?? null);
      } else if (message.type === 'error') {
        reject(new Error(JSON.stringify(message.payload)));
      }
    };
  });

  const result = {};
  if (createUser) {
    const signedUp = await post(createUser, { email, password });
    result.signedUp = signedUp.data?.createUser?.user?.email ?? JSON.stringify(signedUp);
    result.me = (await post('{ me { email } }')).data.me?.email ?? null;
  } else {
    try {
      await post('{ me { email } }');
      result.fetchError = null;
    } catch (error) {
      result.fetchError = `${error.name}: ${error.message}`;
    }
  }
  result.socketMe = await meOverWebSocket();
  return result;
}

try {
  await servePage(input.allowedPort);
  await servePage(input.otherPort);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    // Headless is playwright's own flag; the rest keep Chromium from reaching anything but these servers.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('console', m => log.push(`console ${m.type()}: ${m.text()}`));
  page.on('requestfailed', r => log.push(`request failed: ${r.method()} ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', r => log.push(`${r.status()} ${r.request().method()} ${r.url()}`));

  await page.goto(`http://127.0.0.1:${input.allowedPort}/`);
  const allowed = await page.evaluate(callApi, input);
  const cookie = (await context.cookies(input.graphql)).find(c => c.name === 'ipp_session');
  allowed.cookie = cookie ? { httpOnly: cookie.httpOnly, sameSite: cookie.sameSite } : null;

  await page.goto(`http://127.0.0.1:${input.otherPort}/`);
  const other = await page.evaluate(callApi, { graphql: input.graphql });

  console.log(JSON.stringify({ allowed, other }));
  clearTimeout(deadline);
  await browser.close();
  pageServers.forEach(server => server.close());
} catch (error) {
  await fail(error);
}
