// Every call of the console goes to the registry's JSON API in the session that signing in opened. The password
// goes once to POST /api/session and is kept nowhere; the browser keeps the session cookie, which no script can
// read (HttpOnly). Writes carry the session's CSRF token: the API sets it in the XSRF-TOKEN cookie, and only a
// page of the registry's own origin can read it and send it back in the X-XSRF-TOKEN header.
// The X-Requested-With marker keeps the browser's own password dialog away: a 401 then comes without a challenge.
const SESSION = '/api/session';
const CSRF_COOKIE = 'XSRF-TOKEN';

let sessionEnded = () => {};

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

/** {@code listener} is called whenever the registry answers 401 to a call other than signing in. */
export function onSessionEnd(listener) {
  sessionEnded = listener;
}

/** Signs in (a form post, as Spring Security's sign-in takes it); answers the user, as GET /api/me does. */
export function signIn(username, password) {
  return call('POST', SESSION, new URLSearchParams({ username, password }));
}

export function signOut() {
  return call('DELETE', SESSION);
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

function csrfToken() {
  const cookie = document.cookie.split('; ').find((c) => c.startsWith(`${CSRF_COOKIE}=`));
  return cookie ? decodeURIComponent(cookie.slice(CSRF_COOKIE.length + 1)) : '';
}

async function call(method, path, body, headers) {
  const json = body !== undefined && !(body instanceof URLSearchParams);
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: {
      'Accept': 'application/json',
      'X-Requested-With': 'registry-console',
      ...(method === 'GET' ? {} : { 'X-XSRF-TOKEN': csrfToken() }),
      ...(json ? { 'Content-Type': 'application/json' } : {}),
      ...headers,
    },
    body: json ? JSON.stringify(body) : body,
  });
  const text = await response.text();
  let answer = {};
  try {
    answer = text ? JSON.parse(text) : {};
  } catch (e) {
    answer = { detail: `HTTP ${response.status}` };
  }
  if (!response.ok) {
    if (response.status === 401 && path !== SESSION) sessionEnded();
    throw new ApiError(response.status, answer);
  }
  return answer;
}
