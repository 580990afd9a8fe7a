// Texts in Simplified Chinese (the default: the registry's users work in Chinese) and English, switchable and
// remembered in this browser. An enumeration value or event type without a text shows in readable English.
import { zh } from './i18n-zh.js';
import { en } from './i18n-en.js';

const LANGUAGE = 'registry.console.language';
const DICTIONARIES = { 'zh-CN': zh, en };

export function language() {
  const chosen = localStorage.getItem(LANGUAGE);
  return DICTIONARIES[chosen] ? chosen : 'zh-CN';
}

export function setLanguage(lang) {
  localStorage.setItem(LANGUAGE, lang);
  document.documentElement.lang = lang;
}

/** The text of {@code key}, with {name} placeholders filled from {@code params}. */
export function t(key, params) {
  const text = DICTIONARIES[language()][key] ?? en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => (params && params[name] !== undefined ? params[name] : ''));
}

/** The label of an enumeration value (e.g. RiskLevel GREEN) or an event type. */
export function label(kind, value) {
  if (value === undefined || value === null || value === '') return '';
  const text = DICTIONARIES[language()][`${kind}.${value}`];
  if (text) return text;
  const code = String(value);
  const words = code === code.toUpperCase() ? code.toLowerCase().split('_')      // an enumeration: LIVES_ALONE
    : code.split(/(?=[A-Z])/).map((w) => w.toLowerCase());                     // an event type: RiskAssessed
  const phrase = words.join(' ');
  return phrase.charAt(0).toUpperCase() + phrase.slice(1);
}

export function when(iso) {
  return iso ? new Date(iso).toLocaleString(language(), { dateStyle: 'medium', timeStyle: 'short' }) : '';
}
