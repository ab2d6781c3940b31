// Plain text (a matrix's name, a title a person typed) made safe for pdflatex with its default
// OT1 fonts: LaTeX's special characters escaped, a few math symbols spelled in math mode, and any
// character those fonts cannot set replaced by "?", so a document always compiles.
const specials: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  $: '\\$',
  '&': '\\&',
  '#': '\\#',
  '%': '\\%',
  _: '\\_',
  '^': '\\textasciicircum{}',
  '~': '\\textasciitilde{}',
  '<': '\\textless{}',
  '>': '\\textgreater{}',
  '|': '\\textbar{}',
  '×': '$\\times$',
  '±': '$\\pm$',
  '−': '$-$',
  '–': '--',
  '—': '---',
  '←': '$\\leftarrow$',
  '→': '$\\rightarrow$',
  '↔': '$\\leftrightarrow$',
  '·': '$\\cdot$',
  '…': '\\dots{}',
  '‘': '`',
  '’': "'",
  '“': '``',
  '”': "''",
};

/** Latin-1 letters OT1 sets by accenting (é, ü, ß, ø, …); ð, þ and the rest need T1 fonts. */
const latinLetters = /^[À-ÖØ-öø-ÿ]$/;
const needsT1 = /^[ÐðÞþ]$/;

export function escapeLatexText(text: string): string {
  let result = '';
  for (const character of text.replace(/[\r\n\t]+/g, ' ')) {
    const special = specials[character];
    if (special !== undefined) result += special;
    else if (character >= ' ' && character <= '~') result += character;
    else if (latinLetters.test(character) && !needsT1.test(character)) result += character;
    else result += '?';
  }
  return result;
}
