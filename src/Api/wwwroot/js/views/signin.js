import { signIn } from '../api.js';
import { h, clear } from '../dom.js';

export const title = 'Sign in';
let notice = '';

export function setNotice(text) { notice = text; }

export function render(main, { onSignedIn }) {
  const error = h('p', { class: 'error', role: 'alert', id: 'sign-in-error', hidden: true });
  const username = h('input', { id: 'username', name: 'username', autocomplete: 'username', required: true, 'aria-describedby': 'sign-in-error' });
  const password = h('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true, 'aria-describedby': 'sign-in-error' });
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Sign in');
  const form = h('form', { class: 'card sign-in', 'aria-labelledby': 'sign-in-title', novalidate: true },
    h('h1', { id: 'sign-in-title', tabindex: -1 }, 'Sign in to the dashboard'),
    notice ? h('p', { class: 'notice', role: 'status' }, notice) : null,
    h('div', { class: 'field' }, h('label', { for: 'username' }, 'Username or mobile number'), username),
    h('div', { class: 'field' }, h('label', { for: 'password' }, 'Password'), password),
    error,
    submit);
  notice = '';
  form.addEventListener('submit', async event => {
    event.preventDefault();
    error.hidden = true;
    if (!username.value.trim() || !password.value) {
      showError('Enter your username and password.');
      return;
    }
    submit.disabled = true;
    submit.textContent = 'Signing in…';
    try {
      await signIn(username.value.trim(), password.value);
      password.value = '';
      await onSignedIn();
    } catch (e) {
      showError(e.message);
      submit.disabled = false;
      submit.textContent = 'Sign in';
    }
  });
  function showError(text) {
    error.textContent = text;
    error.hidden = false;
    username.setAttribute('aria-invalid', 'true');
    password.setAttribute('aria-invalid', 'true');
    password.focus();
  }
  clear(main, form);
  username.focus();
}
