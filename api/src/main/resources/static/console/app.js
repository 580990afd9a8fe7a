// The console's frame: sign-in, the top bar (what this role may open), the language switch and the routes.
import { h, replace } from './dom.js';
import { t, label, language, setLanguage } from './i18n.js';
import { ApiError, get, onSessionEnd, signIn, signOut } from './api.js';
import { refused } from './views/refused.js';
import { caseload } from './views/caseload.js';
import { register } from './views/register.js';
import { caseFile } from './views/casefile.js';
import { timeline } from './views/timeline.js';
import { auditTrail, accessLog } from './views/audit.js';
import { statistics } from './views/statistics.js';
import { transfers } from './views/transfers.js';
import { privacy } from './views/privacy.js';

const READERS = ['CASEWORKER', 'SUPERVISOR', 'OVERSIGHT'];
const ROUTES = [
  { pattern: /^\/?$/, roles: READERS, view: caseload, nav: 'nav.caseload', href: '#/' },
  { pattern: /^\/register$/, roles: ['CASEWORKER', 'SUPERVISOR'], view: register, nav: 'nav.register', href: '#/register' },
  { pattern: /^\/audit$/, roles: ['OVERSIGHT'], view: auditTrail, nav: 'nav.audit', href: '#/audit' },
  { pattern: /^\/access$/, roles: ['OVERSIGHT'], view: accessLog, nav: 'nav.access', href: '#/access' },
  { pattern: /^\/statistics$/, roles: ['SUPERVISOR', 'OVERSIGHT'], view: statistics, nav: 'nav.statistics', href: '#/statistics' },
  { pattern: /^\/transfers$/, roles: ['SUPERVISOR'], view: transfers, nav: 'nav.transfers', href: '#/transfers' },
  { pattern: /^\/privacy$/, roles: ['SUPERVISOR', 'OVERSIGHT'], view: privacy, nav: 'nav.privacy', href: '#/privacy' },
  { pattern: /^\/cases\/([^/]+)$/, roles: READERS, view: caseFile },
  { pattern: /^\/cases\/([^/]+)\/timeline$/, roles: READERS, view: timeline },
];

const bar = document.getElementById('bar');
const main = document.getElementById('main');
let me = null;

function languageSwitch() {
  return h('button.lang', {
    type: 'button', 'data-lang': t('lang.otherCode'),
    on: { click: () => { setLanguage(t('lang.otherCode')); route(); } },
  }, t('lang.other'));
}

function showBar() {
  document.title = t('app.title');
  if (!me) {
    replace(bar, h('span.brand', {}, t('app.title')), h('span.spacer'), languageSwitch());
    return;
  }
  const here = location.hash.replace(/^#/, '') || '/';
  replace(bar,
    h('a.brand', { href: '#/' }, t('app.title')),
    h('nav.main', {}, ROUTES.filter((r) => r.nav && r.roles.includes(me.role)).map((r) =>
      h('a', { href: r.href, 'aria-current': r.pattern.test(here) ? 'page' : null }, t(r.nav)))),
    h('span.spacer'),
    h('span.who', { id: 'who', 'data-role': me.role }, `${me.username} · ${label('Role', me.role)}`),
    languageSwitch(),
    h('button', { type: 'button', id: 'sign-out', on: { click: leave } }, t('nav.signOut')));
}

async function leave() {
  try {
    await signOut();
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;   // a session that had ended already: nothing more to close
  }
  me = null;
  if (location.hash.length > 2) location.hash = '#/';   // the hash change shows the sign-in page
  else route();
}

function signInPage(message) {
  const alert = h('div.alert', { role: 'alert', hidden: !message }, message || '');
  const username = h('input', { id: 'username', name: 'username', autocomplete: 'username', required: true });
  const password = h('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const form = h('form.signin', {},
    h('h1', {}, t('signin.title')), alert,
    h('label', { for: 'username' }, t('signin.username')), username,
    h('label', { for: 'password' }, t('signin.password')), password,
    h('button.primary', { type: 'submit', id: 'sign-in' }, t('signin.submit')),
    h('p.muted', {}, t('signin.hint')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      me = await signIn(username.value.trim(), password.value);
      route();
    } catch (e) {
      replace(alert, e instanceof ApiError && e.status === 401 ? t('signin.failed') : t('error.network'));
      alert.hidden = false;
    }
  });
  return form;
}

// A 401 to any call: the session has ended (idle timeout, signed out elsewhere); back to the sign-in form
onSessionEnd(() => {
  if (!me) return;   // not signed in yet: route() shows the form
  me = null;
  showBar();
  replace(main, signInPage(t('signin.expired')));
});

async function route() {
  document.documentElement.lang = language();
  if (!me) {
    try {
      me = await get('/api/me');   // a session of this browser; if none, the answer brings the CSRF token cookie
    } catch (e) {
      me = null;
    }
  }
  showBar();
  if (!me) {
    replace(main, signInPage());
    return;
  }
  const path = location.hash.replace(/^#/, '') || '/';
  const found = ROUTES.map((r) => ({ r, match: path.match(r.pattern) })).find((x) => x.match);
  if (me.role === 'MAINTAINER' || me.role === 'WITNESS') {
    replace(main, h('p.notice', {}, t(me.role === 'MAINTAINER' ? 'maintainer.note' : 'witness.note')));
    return;
  }
  if (!found) {
    replace(main, refused(404));
    return;
  }
  if (!found.r.roles.includes(me.role)) {
    replace(main, refused(403));
    return;
  }
  const page = h('div.page', { 'aria-busy': 'true' });
  replace(main, page);
  try {
    await found.r.view(page, { me, params: found.match.slice(1).map(decodeURIComponent), refresh: route });
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    if (e.status === 401) return;   // onSessionEnd shows the sign-in form
    if (e.status === 403 || e.status === 404) {
      replace(main, refused(e.status));
    } else {
      replace(main, h('div.alert', { role: 'alert' }, t('form.refused', { detail: e.message })));
    }
  } finally {
    page.removeAttribute('aria-busy');
  }
}

window.addEventListener('hashchange', route);
route();
