import { h, replace } from '../dom.js';
import { t } from '../i18n.js';
import { post } from '../api.js';
import { form } from '../forms.js';
import { REGISTRATION } from '../commands.js';

export async function register(page) {
  replace(page, h('h1', {}, t('a.register')), form({
    fields: REGISTRATION,
    onSubmit: async (body) => {
      const answer = await post('/api/cases', body);
      location.hash = `#/cases/${encodeURIComponent(answer.caseId)}`;
    },
  }));
}
