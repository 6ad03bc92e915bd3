// The session and every call to the API. The access token lives only in this module's memory: never in
// localStorage, sessionStorage or a cookie (docs/decisions/0012-dashboard-static-client.md). A reload signs out.

const session = { token: null, expiresAt: 0, user: null };
const signedOutListeners = [];

export class ApiError extends Error {
  constructor(status, message, problem) {
    super(message);
    this.status = status;
    this.problem = problem;
  }
}

export function currentUser() {
  return session.token && Date.now() < session.expiresAt ? session.user : null;
}

export function isSupervisor() {
  const role = currentUser()?.role;
  return role === 'supervisor' || role === 'admin';
}

export function onSignedOut(listener) {
  signedOutListeners.push(listener);
}

export function authorization() {
  return session.token ? `Bearer ${session.token}` : '';
}

/** POST /api/auth/token; throws an ApiError with a message for people on any refusal. */
export async function signIn(username, password) {
  const response = await fetch('/api/auth/token', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok) {
    const problem = await readProblem(response);
    const message = response.status === 401 ? 'Wrong username or password.'
      : response.status === 429 ? 'Too many sign-in attempts. Wait a minute and try again.'
      : problemText(problem, response.status);
    throw new ApiError(response.status, message, problem);
  }
  const token = await response.json();
  session.token = token.accessToken;
  session.expiresAt = Date.now() + token.expiresIn * 1000;
  session.user = claimsOf(token.accessToken);
}

/** POST /api/auth/logout (this token only), then forgets the token. */
export async function signOut() {
  if (session.token) {
    try { await fetch('/api/auth/logout', { method: 'POST', headers: { authorization: authorization() } }); } catch { /* offline: forget it anyway */ }
  }
  forget('signed-out');
}

function forget(reason) {
  session.token = null;
  session.expiresAt = 0;
  session.user = null;
  for (const listener of signedOutListeners) listener(reason);
}

// The token's claims are read for display only (who, which role); the API checks the signature and the rights.
function claimsOf(jwt) {
  const payload = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  const bytes = Uint8Array.from(atob(payload), c => c.charCodeAt(0));
  const claims = JSON.parse(new TextDecoder().decode(bytes));
  return { id: Number(claims.sub), username: claims.unique_name, role: String(claims.role).toLowerCase() };
}

/** fetch() with the Bearer token; a 401 ends the session. */
export async function apiFetch(path, options = {}) {
  const headers = new Headers(options.headers ?? {});
  headers.set('authorization', authorization());
  if (!headers.has('accept')) headers.set('accept', 'application/json');
  const response = await fetch(path, { ...options, headers, cache: 'no-store' });
  if (response.status === 401 && session.token) forget('expired');
  return response;
}

/** GET a JSON document; throws an ApiError on any other status than 2xx. */
export async function getJson(path, params) {
  const response = await apiFetch(withQuery(path, params));
  if (!response.ok) {
    const problem = await readProblem(response);
    throw new ApiError(response.status, problemText(problem, response.status), problem);
  }
  return response.json();
}

export function withQuery(path, params) {
  if (!params) return path;
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/** Fetches a file with the token and hands it to the browser as a download (the link cannot carry the header). */
export async function download(path, params, fallbackName) {
  const response = await apiFetch(withQuery(path, params), { headers: { accept: 'text/csv' } });
  if (!response.ok) {
    const problem = await readProblem(response);
    throw new ApiError(response.status, problemText(problem, response.status), problem);
  }
  const blob = await response.blob();
  const name = fileNameOf(response.headers.get('content-disposition')) ?? fallbackName;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name;
}

function fileNameOf(disposition) {
  if (!disposition) return null;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1] : null;
}

async function readProblem(response) {
  try { return await response.json(); } catch { return null; }
}

export function problemText(problem, status) {
  if (problem?.errors) {
    const fields = Object.entries(problem.errors).map(([key, messages]) => `${key}: ${[].concat(messages).join(' ')}`);
    if (fields.length) return fields.join(' ');
  }
  return problem?.detail ?? problem?.title ?? `The service answered ${status}.`;
}
