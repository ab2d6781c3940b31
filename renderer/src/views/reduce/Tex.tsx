// KaTeX typesetting with a cache: a reduction shows the same entries step after step, so each
// distinct piece of TeX is laid out once and later steps only swap cached HTML.
import katex from 'katex';
import 'katex/dist/katex.min.css';

const cache = new Map<string, string>();
const cacheLimit = 20_000;

export function texToHtml(
  tex: string,
  display = false,
  output: 'html' | 'htmlAndMathml' = 'htmlAndMathml',
): string {
  const key = `${display ? 'D' : 'I'}${output === 'html' ? 'H' : 'M'}${tex}`;
  let html = cache.get(key);
  if (html === undefined) {
    // htmlAndMathml: the hidden MathML is what screen readers read.
    html = katex.renderToString(tex, { displayMode: display, throwOnError: false, output });
    if (cache.size >= cacheLimit) cache.clear();
    cache.set(key, html);
  }
  return html;
}

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
    if (cache.size >= cacheLimit) cache.clear();
    cache.set(key, html);
  }
  return html;
}

export function Tex({
  tex,
  display = false,
  className,
}: {
  tex: string;
  display?: boolean;
  className?: string;
}) {
  return (
    <span
      className={className ? `tex ${className}` : 'tex'}
      data-tex={tex}
      // KaTeX output is generated from our own TeX, never from untrusted HTML.
      dangerouslySetInnerHTML={{ __html: texToHtml(tex, display) }}
    />
  );
}
