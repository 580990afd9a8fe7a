// One form builder for every command: fields named by their path in the request body (e.g. child.hukou), so
// that the registry's refusals ({errors: [{field, message}]}) land next to the field they name.
import { h, replace } from './dom.js';
import { t, label } from './i18n.js';
import { ENUMS } from './enums.js';
import { ApiError } from './api.js';

/**
 * A field: {name, type: text|textarea|date|number|select|multi|bool, kind (enumeration of select/multi),
 * value (initial)}; or {group} to start a titled group of fields.
 */
export function form({ fields, submit, onSubmit, onCancel }) {
  const alert = h('div.alert', { role: 'alert', hidden: true });
  const groups = [];
  let current = h('div.fields');
  groups.push(current);
  for (const field of fields) {
    if (field.group) {
      current = h('fieldset.fields', {}, h('legend', {}, t(`form.group.${field.group}`)));
      groups.push(current);
    } else {
      current.append(control(field));
    }
  }
  const button = h('button.primary', { type: 'submit' }, submit || t('form.submit'));
  const el = h('form.command', { novalidate: true }, alert, groups,
    h('div.buttons', {}, button,
      onCancel && h('button', { type: 'button', on: { click: onCancel } }, t('form.cancel'))));
  el.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearMessages(el, alert);
    button.disabled = true;
    try {
      await onSubmit(body(el, fields));
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      showRefusal(el, alert, e);
    } finally {
      button.disabled = false;
    }
  });
  return el;
}

function control(field) {
  const id = `f-${field.name.replace(/\W/g, '-')}`;
  const caption = t(`f.${field.label || field.name}`);
  let input;
  if (field.type === 'select' || field.type === 'bool') {
    const values = field.type === 'bool' ? ['true', 'false'] : ENUMS[field.kind];
    input = h('select', { id, name: field.name },
      h('option', { value: '' }, t('form.choose')),
      values.map((v) => h('option', { value: v, selected: String(field.value) === v },
        field.type === 'bool' ? boolLabel(field, v) : label(field.kind, v))));
  } else if (field.type === 'multi') {
    input = h('div.choices', { id, 'data-multi': field.name },
      ENUMS[field.kind].map((v) => h('label.choice', {},
        h('input', { type: 'checkbox', value: v, name: field.name }), label(field.kind, v))));
  } else if (field.type === 'textarea') {
    input = h('textarea', { id, name: field.name, rows: 3 });
  } else {
    input = h('input', { id, name: field.name, type: field.type || 'text', value: field.value ?? '' });
  }
  return h('div.field', { 'data-field': field.name },
    h('label', { for: id }, caption), input, h('div.field-error', { hidden: true }));
}

function boolLabel(field, v) {
  return field.kind ? label(field.kind, v) : t(v === 'true' ? 'form.yes' : 'form.no');
}

/** The request body: nested by the dotted names; empty fields and empty groups are left out. */
function body(el, fields) {
  const result = {};
  for (const field of fields.filter((f) => f.name)) {
    const value = read(el, field);
    if (value === undefined) continue;
    const path = field.name.split('.');
    let target = result;
    for (const part of path.slice(0, -1)) target = target[part] ??= {};
    target[path[path.length - 1]] = value;
  }
  return result;
}

function read(el, field) {
  if (field.type === 'multi') {
    return [...el.querySelectorAll(`[data-multi="${field.name}"] input:checked`)].map((i) => i.value);
  }
  const raw = el.querySelector(`[name="${field.name}"]`).value.trim();
  if (raw === '') return undefined;
  if (field.type === 'bool') return raw === 'true';
  if (field.type === 'number') return Number(raw);
  return raw;
}

function clearMessages(el, alert) {
  alert.hidden = true;
  for (const box of el.querySelectorAll('.field.invalid')) box.classList.remove('invalid');
  for (const message of el.querySelectorAll('.field-error')) replace(message).hidden = true;
}

function showRefusal(el, alert, error) {
  const unplaced = [];
  for (const { field, message } of error.problem.errors || []) {
    const name = String(field).replace(/\[\d+\]$/, '');
    const box = el.querySelector(`.field[data-field="${CSS.escape(name)}"]`);
    if (box) {
      box.classList.add('invalid');
      const text = box.querySelector('.field-error');
      text.hidden = false;
      text.append(h('span', {}, message));
    } else {
      unplaced.push(message);
    }
  }
  const detail = error.status === 412 ? t('form.stale') : t('form.refused', { detail: error.message });
  replace(alert, h('p', {}, detail), unplaced.map((m) => h('p', {}, m)));
  alert.hidden = false;
}
