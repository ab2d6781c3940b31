// The Reduce view's current state as a standalone SVG: the matrix in brackets with fractions set as
// numerator over denominator, the rows read and written and the pivot cell highlighted, and a caption.
// Pure string building (no DOM), so export, tests and PNG rasterizing share it. Cost O(m·n).

export interface ReduceFigure {
  /** Entries as exact text: "3", "-1/2", "0.707107". */
  cells: readonly (readonly string[])[];
  pivot?: { row: number; col: number } | null;
  readRows?: readonly number[];
  writtenRows?: readonly number[];
  /** Draw a vertical bar before this column ([A | b]). */
  augmentAt?: number;
  /** Lines above the matrix: the step counter, the operation, the reason. */
  caption?: readonly string[];
}

export interface SvgFigure {
  svg: string;
  width: number;
  height: number;
}

export const figureColors = {
  background: '#ffffff',
  ink: '#1d232b',
  muted: '#5b6675',
  read: '#dbeafe',
  written: '#fef3c7',
  pivot: '#c2410c',
};

const margin = 16;
const rowHeight = 44;
const captionLineHeight = 20;
const characterWidth = 8.4;
const bracketWidth = 10;

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Minus signs as typeset (U+2212). */
function typeset(text: string): string {
  return text.replace(/-/g, '−');
}

function splitFraction(
  text: string,
): { sign: string; numerator: string; denominator: string } | null {
  const match = /^(-?)(\d+)\/(\d+)$/.exec(text.trim());
  return match ? { sign: match[1], numerator: match[2], denominator: match[3] } : null;
}

/** Width an entry needs: a fraction is as wide as its longer part. */
export function entryWidth(text: string): number {
  const fraction = splitFraction(text);
  const characters = fraction
    ? fraction.sign.length + Math.max(fraction.numerator.length, fraction.denominator.length)
    : text.length;
  return Math.max(36, characters * characterWidth + 20);
}

function entrySvg(text: string, centerX: number, centerY: number): string {
  const fraction = splitFraction(text);
  const font = `font-family="KaTeX_Main, 'Times New Roman', serif" fill="${figureColors.ink}" text-anchor="middle"`;
  if (!fraction) {
    return `<text x="${centerX}" y="${centerY + 6}" font-size="17" ${font}>${escapeXml(typeset(text))}</text>`;
  }
  const barWidth = Math.max(fraction.numerator.length, fraction.denominator.length) * 7.2 + 6;
  const shift = fraction.sign ? 6 : 0;
  const barX = centerX + shift - barWidth / 2;
  return [
    fraction.sign
      ? `<text x="${barX - 7}" y="${centerY + 5}" font-size="15" ${font}>${typeset(fraction.sign)}</text>`
      : '',
    `<text x="${centerX + shift}" y="${centerY - 4}" font-size="13" ${font}>${escapeXml(fraction.numerator)}</text>`,
    `<line x1="${barX}" y1="${centerY}" x2="${barX + barWidth}" y2="${centerY}" stroke="${figureColors.ink}" stroke-width="1"/>`,
    `<text x="${centerX + shift}" y="${centerY + 15}" font-size="13" ${font}>${escapeXml(fraction.denominator)}</text>`,
  ].join('');
}

/** Builds the figure. Rows and columns are 0-based. */
export function buildReduceSvg(figure: ReduceFigure): SvgFigure {
  const rows = figure.cells.length;
  const cols = rows === 0 ? 0 : figure.cells[0].length;
  const columnWidths = Array.from({ length: cols }, (_, j) =>
    Math.max(...figure.cells.map((row) => entryWidth(row[j] ?? ''))),
  );
  const caption = figure.caption ?? [];
  const captionWidth = Math.max(0, ...caption.map((line) => line.length * 7.4));
  const matrixWidth = columnWidths.reduce((sum, width) => sum + width, 0) + 2 * bracketWidth;
  const width = Math.ceil(Math.max(matrixWidth, captionWidth) + 2 * margin);
  const top = margin + caption.length * captionLineHeight + (caption.length > 0 ? 8 : 0);
  const height = Math.ceil(top + rows * rowHeight + margin);
  const left = margin + bracketWidth;
  const columnLeft: number[] = [];
  columnWidths.reduce((x, columnWidth, j) => ((columnLeft[j] = x), x + columnWidth), left);
  const innerWidth = matrixWidth - 2 * bracketWidth;

  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="${width}" height="${height}" fill="${figureColors.background}"/>`,
  ];
  caption.forEach((line, index) => {
    parts.push(
      `<text x="${margin}" y="${margin + 14 + index * captionLineHeight}" font-family="system-ui, sans-serif" font-size="${index === 0 ? 14 : 13}" fill="${index === 0 ? figureColors.ink : figureColors.muted}">${escapeXml(line)}</text>`,
    );
  });
  for (const row of figure.readRows ?? []) {
    parts.push(
      `<rect class="row-read" x="${left}" y="${top + row * rowHeight + 2}" width="${innerWidth}" height="${rowHeight - 4}" rx="4" fill="${figureColors.read}"/>`,
    );
  }
  for (const row of figure.writtenRows ?? []) {
    parts.push(
      `<rect class="row-written" x="${left}" y="${top + row * rowHeight + 2}" width="${innerWidth}" height="${rowHeight - 4}" rx="4" fill="${figureColors.written}"/>`,
    );
  }
  if (figure.pivot && figure.pivot.row < rows && figure.pivot.col < cols) {
    const { row, col } = figure.pivot;
    parts.push(
      `<rect class="pivot" x="${columnLeft[col] + 3}" y="${top + row * rowHeight + 4}" width="${columnWidths[col] - 6}" height="${rowHeight - 8}" rx="5" fill="none" stroke="${figureColors.pivot}" stroke-width="2"/>`,
    );
  }
  const bracketTop = top;
  const bracketBottom = top + rows * rowHeight;
  const rightEdge = left + innerWidth;
  parts.push(
    `<path d="M${left} ${bracketTop} h${-bracketWidth + 3} v${bracketBottom - bracketTop} h${bracketWidth - 3}" fill="none" stroke="${figureColors.ink}" stroke-width="1.5"/>`,
    `<path d="M${rightEdge} ${bracketTop} h${bracketWidth - 3} v${bracketBottom - bracketTop} h${-bracketWidth + 3}" fill="none" stroke="${figureColors.ink}" stroke-width="1.5"/>`,
  );
  if (figure.augmentAt !== undefined && figure.augmentAt > 0 && figure.augmentAt < cols) {
    const x = columnLeft[figure.augmentAt];
    parts.push(
      `<line class="augment" x1="${x}" y1="${bracketTop + 4}" x2="${x}" y2="${bracketBottom - 4}" stroke="${figureColors.ink}" stroke-width="1"/>`,
    );
  }
  figure.cells.forEach((row, i) => {
    row.forEach((text, j) => {
      parts.push(
        entrySvg(text, columnLeft[j] + columnWidths[j] / 2, top + i * rowHeight + rowHeight / 2),
      );
    });
  });
  parts.push('</svg>');
  return { svg: parts.join('\n'), width, height };
}
