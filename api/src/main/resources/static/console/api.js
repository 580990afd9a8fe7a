// Every call of the console goes to the registry's JSON API with the signed-in user's Basic credentials,
// kept for this browser tab only (sessionStorage). The X-Requested-With marker keeps the browser's own
// password dialog away: the API then answers 401 without a Basic challenge.
const CREDENTIALS = 'registry.console.credentials';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

function encode(username, password) {
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  return btoa(String.fromCharCode(...bytes));
}

export function signedIn() {
  return sessionStorage.getItem(CREDENTIALS) !== null;
}

export function signOut() {
  sessionStorage.removeItem(CREDENTIALS);
}

/** Signs in: the credentials are kept only when the registry accepts them. Answers GET /api/me. */
export async function signIn(username, password) {
  sessionStorage.setItem(CREDENTIALS, encode(username, password));
  try {
    return await get('/api/me');
  } catch (e) {
    signOut();
    throw e;
  }
}

export function get(path, params) {
  return call('GET', withQuery(path, params));
}

/** A command: the answer's JSON ({caseId, version, ...}). {@code version}: the case version last seen. */
export function post(path, body, version) {
  return call('POST', path, body, version === undefined ? {} : { 'If-Match': `"${version}"` });
}

function withQuery(path, params) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params || {})) {
    if (value !== undefined && value !== null && value !== '') query.set(key, value);
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

async function call(method, path, body, headers) {
  const response = await fetch(path, {
    method,
    headers: {
      'Accept': 'application/json',
      'X-Requested-With': 'registry-console',
      'Authorization': `Basic ${sessionStorage.getItem(CREDENTIALS) || ''}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let json = {};
  try {
    json = text ? JSON.parse(text) : {};
  } catch (e) {
    json = { detail: `HTTP ${response.status}` };
  }
  if (!response.ok) {
    if (response.status === 401) signOut();
    throw new ApiError(response.status, json);
  }
  return json;
}
