// Navigation state every view shares: the generation that drops stale answers, titles, loading and error states.
import { t, currentLang, errorText } from './i18n.js';
import { esc } from './ui.js';

// Each navigation starts a new generation; an answer for an older one is dropped, so a slow page can never
// overwrite the page the reader has moved on to.
let generation = 0;
let rerender = () => {};
export class Stale extends Error {}
export const nextGeneration = render => { generation++; rerender = render; };
export function guarded(promise) {
  const mine = generation;
  return promise.then(value => { if (mine !== generation) throw new Stale(); return value; });
}

export const setTitle = text => { document.title = `${text} · ${t('brand')}`; };
export const loadingHtml = () => `<p class="loading" role="status" data-testid="loading"><span class="spinner" aria-hidden="true"></span>${esc(t('loading'))}</p>`;

// An error as a plain sentence with a retry that renders the same view again.
export function showError(error, target = document.getElementById('view')) {
  if (error instanceof Stale) return;
  target.innerHTML = `<div class="error" role="alert" data-testid="error"><p>${esc(errorText(error))}</p>
    <button type="button" data-testid="retry">${esc(t('retry'))}</button></div>`;
  target.querySelector('[data-testid=retry]').addEventListener('click', () => rerender());
}
export const ignoreStale = error => showError(error);

// Navigates to a view with the given settings; the language always travels with it.
export function go(path, params = {}) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== '' && v !== false));
  query.set('lang', currentLang());
  location.hash = `#${path}?${query}`;
}
