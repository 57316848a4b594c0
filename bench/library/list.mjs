// Measures one `files` page over HTTP (keep-alive, one request at a time): a page of 20 with a tag filter and a name
// search, newest first. Checks each answer (entries each carrying the tag and matching the search: 20, or fewer on
// the last page) and prints the
// latencies in milliseconds as JSON: {median, p90, p99, requests}.
// Usage: node list.mjs <graphql url> <token> <tag's global id> <search> [requests, default 500] [warm-up, default 100]
const [url, token, tag, search, requests = '500', warmup = '100'] = process.argv.slice(2);

const query = `query($tag: ID!, $search: String!) {
  files(first: 20, where: {tags: {some: {id: {eq: $tag}}}, name: {contains: $search}}) {
    pageInfo { hasNextPage endCursor }
    nodes { id name kind size createdAt mine tags { id name } }
  }
}`;
const body = JSON.stringify({ query, variables: { tag, search } });

async function once() {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', Authorization: `Bearer ${token}` },
    body,
  });
  const answer = await response.json();
  const elapsed = performance.now() - started;
  const nodes = answer.data?.files?.nodes;
  if (!nodes || nodes.length === 0 || (nodes.length !== 20 && answer.data.files.pageInfo.hasNextPage)
    || nodes.some(n => !n.name.toLowerCase().includes(search.toLowerCase()) || !n.tags.some(t => t.id === tag))) {
    throw new Error(`unexpected answer: ${JSON.stringify(answer).slice(0, 500)}`);
  }
  return elapsed;
}

for (let i = 0; i < Number(warmup); i++) await once();
const times = [];
for (let i = 0; i < Number(requests); i++) times.push(await once());
times.sort((a, b) => a - b);
const at = q => Number(times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(2));
console.log(JSON.stringify({ median: at(0.5), p90: at(0.9), p99: at(0.99), requests: times.length }));
