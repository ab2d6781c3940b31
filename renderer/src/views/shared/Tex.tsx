// KaTeX typesetting with a cache: a reduction shows the same entries step after step and readouts
// the same formulas render after render, so each distinct piece of TeX is laid out once.
import katex from 'katex';
import 'katex/dist/katex.min.css';

const cache = new Map<string, string>();
export const texCacheLimit = 20_000;

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
    if (cache.size >= texCacheLimit) cache.clear();
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
