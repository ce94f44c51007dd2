// The access form: a pasted bearer token lives in sessionStorage only (this tab, until it closes).
const KEY = 'vo-dashboard-token';

export function currentToken() {
  return sessionStorage.getItem(KEY) ?? '';
}

/** The token's scopes, read (not verified: the hub does that, and says when it has expired) to tell the user what it grants. */
export function describeToken(token) {
  try {
    const payload = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
    const scopes = Array.isArray(payload.scp) ? payload.scp : String(payload.scope ?? '').split(' ').filter(Boolean);
    return { scopes };
  } catch {
    return { scopes: [] };
  }
}

function summary(token) {
  if (!token) return 'open gegevens (geen token)';
  const { scopes } = describeToken(token);
  return `token met ${scopes.length > 0 ? scopes.join(', ') : 'geen rollen'}`;
}

/** Wires the form; `onChange` runs after the token was set or cleared, to load the view again. */
export function setUpTokenForm(onChange) {
  const form = document.getElementById('token-form');
  const input = document.getElementById('token');
  const label = document.getElementById('access-summary');
  label.textContent = summary(currentToken());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const token = input.value.trim().replace(/^Bearer\s+/i, '');
    if (token) sessionStorage.setItem(KEY, token);
    else sessionStorage.removeItem(KEY);
    input.value = '';
    label.textContent = summary(token);
    onChange();
  });
  document.getElementById('token-clear').addEventListener('click', () => {
    sessionStorage.removeItem(KEY);
    input.value = '';
    label.textContent = summary('');
    onChange();
  });
}
