// One matrix entry of the Reduce view as light HTML in KaTeX's fonts (MatrixDisplay), cached as
// the view's TeX is (shared/Tex.tsx): a reduction shows the same entries step after step.
import { texCacheLimit } from '../shared/Tex';

const cache = new Map<string, string>();

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * One matrix entry as light HTML in KaTeX's fonts: integers and decimals as text, fractions as a
 * numerator stacked over a denominator. KaTeX's own markup for a fraction is some twenty nested
 * boxes; 144 of them made every step of a 12×12 matrix cost several frames of style and layout,
 * while this stays three boxes an entry. Notation, panels and vectors are still set by KaTeX.
 */
export function entryHtml(text: string): string {
  const key = `E${text}`;
  let html = cache.get(key);
  if (html === undefined) {
    const fraction = /^(-?)(\d+)\/(\d+)$/.exec(text);
    html = fraction
      ? `<span class="entry-fraction" aria-label="${escapeHtml(text)}">${fraction[1] ? '<span class="entry-sign">\u2212</span>' : ''}` +
        `<span class="entry-stack"><span class="entry-numerator">${fraction[2]}</span>` +
        `<span class="entry-denominator">${fraction[3]}</span></span></span>`
      : `<span class="entry-plain">${escapeHtml(text.replace(/^-/, '\u2212'))}</span>`;
    if (cache.size >= texCacheLimit) cache.clear();
    cache.set(key, html);
  }
  return html;
}
