// LaTeX to PDF with the pdflatex a person has installed (Debian: texlive-latex-recommended and
// texlive-pictures): the source is written to a fresh temporary folder, compiled twice (Beamer's
// frame count and references settle on the second run) with shell escape off, and the PDF read
// back. A failed compile reports LaTeX's first error line.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export class LatexError extends Error {
  override name = 'LatexError';
}

/** The pdflatex on PATH, or null. */
export function findPdflatex(): string | null {
  const found = spawnSync('pdflatex', ['--version'], { encoding: 'utf8' });
  return found.status === 0 ? 'pdflatex' : null;
}

function firstError(log: string): string {
  const lines = log.split('\n');
  const index = lines.findIndex((line) => line.startsWith('!'));
  if (index < 0) return 'pdflatex failed without an error line (see its log)';
  const context = lines
    .slice(index, index + 3)
    .join(' ')
    .replace(/\s+/g, ' ');
  return context.trim();
}

export function compileLatex(source: string, options: { runs?: number } = {}): Uint8Array {
  if (!findPdflatex())
    throw new LatexError(
      'pdflatex was not found: install TeX Live (Debian: apt-get install texlive-latex-recommended texlive-pictures), or write --latex and compile it yourself',
    );
  const folder = mkdtempSync(path.join(os.tmpdir(), 'rankscope-latex-'));
  try {
    writeFileSync(path.join(folder, 'document.tex'), source);
    for (let run = 0; run < (options.runs ?? 2); run++) {
      const result = spawnSync(
        'pdflatex',
        ['-interaction=nonstopmode', '-halt-on-error', '-no-shell-escape', 'document.tex'],
        { cwd: folder, encoding: 'utf8', timeout: 120_000 },
      );
      if (result.status !== 0) {
        let log = result.stdout ?? '';
        try {
          log = readFileSync(path.join(folder, 'document.log'), 'utf8');
        } catch {
          // No log: the process itself failed; its output says why.
        }
        throw new LatexError(`pdflatex: ${firstError(log)}`);
      }
    }
    return new Uint8Array(readFileSync(path.join(folder, 'document.pdf')));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
