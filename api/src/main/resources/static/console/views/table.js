// A paged list of the API ({items, page, size, total}) as a table; on a narrow screen each row is a card whose
// cells carry their column's title (data-title).
import { h, replace } from '../dom.js';
import { t } from '../i18n.js';

/** columns: [{title, cell(item)}]; load(page) answers a page of the API. */
export function pagedTable({ columns, load, empty, caption }) {
  const el = h('div.paged');
  async function show(page) {
    const result = await load(page);
    const pages = Math.max(1, Math.ceil(result.total / result.size));
    replace(el,
      caption && h('p.muted', {}, caption(result)),
      result.items.length === 0 ? h('p.muted', {}, empty) : h('table.list', {},
        h('thead', {}, h('tr', {}, columns.map((c) => h('th', {}, c.title)))),
        h('tbody', {}, result.items.map((item) => h('tr', {},
          columns.map((c) => h('td', { 'data-title': c.title }, c.cell(item))))))),
      pages > 1 && h('nav.pager', {},
        h('button', { type: 'button', disabled: result.page === 0, on: { click: () => show(result.page - 1) } },
          t('page.prev')),
        h('span', {}, t('page.of', { page: result.page + 1, pages })),
        h('button', { type: 'button', disabled: result.page + 1 >= pages, on: { click: () => show(result.page + 1) } },
          t('page.next'))));
    loaded(el);
  }
  return { el, show };
}

/** Counts the answers shown in {@code el}, so that a reader (or a test) can tell a new answer from the last. */
export function loaded(el) {
  el.dataset.loads = String(Number(el.dataset.loads || 0) + 1);
}

/** A filter bar: fields [{name, type, options?}] of text/date/select/checkbox; onApply(values). */
export function filterBar(fields, onApply) {
  const inputs = fields.map((f) => {
    const id = `filter-${f.name}`;
    let input;
    if (f.options) {
      input = h('select', { id, name: f.name }, h('option', { value: '' }, t('filter.any')),
        f.options.map(([value, text]) => h('option', { value }, text)));
    } else {
      input = h('input', { id, name: f.name, type: f.type || 'text' });
    }
    return f.type === 'checkbox'
      ? h('label.filter.check', {}, input, f.title)
      : h('label.filter', { for: id }, h('span', {}, f.title), input);
  });
  const el = h('form.filters', {}, inputs, h('button.primary', { type: 'submit' }, t('filter.apply')));
  el.addEventListener('submit', (event) => {
    event.preventDefault();
    const values = {};
    for (const f of fields) {
      const input = el.querySelector(`[name="${f.name}"]`);
      if (f.type === 'checkbox') values[f.name] = input.checked ? 'true' : '';
      else if (f.type === 'date' && input.value) values[f.name] = instant(input.value, f.end);
      else values[f.name] = input.value.trim();
    }
    onApply(values);
  });
  return el;
}

/** A calendar day of the registry (China Standard Time) as the instant it starts, or the next one's start. */
function instant(day, end) {
  const start = new Date(`${day}T00:00:00+08:00`);
  if (end) start.setUTCDate(start.getUTCDate() + 1);
  return start.toISOString();
}
