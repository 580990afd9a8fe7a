import { h } from '../dom.js';
import { t } from '../i18n.js';

/** The page shown for a 403 (role) or 404 (no such case, or outside the user's jurisdiction). */
export function refused(status) {
  return h('section.refused', { 'data-refused': status },
    h('h1', {}, t('refused.title')),
    h('p', {}, t(status === 403 ? 'refused.role' : 'refused.notFound')),
    h('a', { href: '#/' }, t('refused.back')));
}
