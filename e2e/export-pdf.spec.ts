// Vector PDF export: the figure of a view, framed as for SVG, written as a PDF that opens. Each PDF
// is rendered back to pixels by poppler's pdftoppm, and the page must show ink, not a blank sheet.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, artifactsDir } from './app-fixture';
import { exportFigure, openView } from './view-helpers';

const pdftoppm = '/usr/bin/pdftoppm';
const pdftotext = '/usr/bin/pdftotext';

/** The PDF's text as poppler extracts it: present only if the text was written as text. */
function pdfText(file: string): string {
  return execFileSync(pdftotext, ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

interface PdfOptions {
  title?: string;
  caption?: string;
  print?: boolean;
}

async function exportPdf(page: Page, name: string, options: PdfOptions): Promise<string> {
  const file = await exportFigure(page, `pdf-${name}`, { format: 'pdf', ...options });
  expect(file).toMatch(/\.pdf$/);
  await expect(page.getByTestId('export-status')).toHaveText(/^Saved .+\.pdf$/);
  return file;
}

/** The page size of a one-page PDF in points, from its MediaBox. */
function mediaBox(bytes: Buffer): { width: number; height: number } {
  const match = /\/MediaBox\s*\[\s*([\d.-]+)\s+([\d.-]+)\s+([\d.-]+)\s+([\d.-]+)\s*\]/.exec(
    bytes.toString('latin1'),
  );
  expect(match).not.toBeNull();
  const [x0, y0, x1, y1] = match!.slice(1).map(Number);
  return { width: x1 - x0, height: y1 - y0 };
}

interface Ink {
  width: number;
  height: number;
  /** Share of pixels that are not (near) white. */
  inked: number;
  /** Share of pixels that are coloured (not grey), e.g. from an embedded raster. */
  coloured: number;
}

/** Renders the PDF's page with pdftoppm and measures the PNG in the page's own decoder. */
async function renderPdf(page: Page, file: string, name: string): Promise<Ink> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'rankscope-pdf-'));
  const stem = path.join(folder, 'page');
  execFileSync(pdftoppm, ['-png', '-r', '50', '-singlefile', file, stem]);
  const png = readFileSync(`${stem}.png`);
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  const url = `data:image/png;base64,${png.toString('base64')}`;
  const ink = await page.evaluate(async (source) => {
    const image = new Image();
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('the rendered page did not decode as PNG'));
      image.src = source;
    });
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    let inked = 0;
    let coloured = 0;
    for (let index = 0; index < data.length; index += 4) {
      const [r, g, b] = [data[index], data[index + 1], data[index + 2]];
      if (Math.min(r, g, b) < 235) inked += 1;
      if (Math.max(r, g, b) - Math.min(r, g, b) > 40) coloured += 1;
    }
    const pixels = data.length / 4;
    return {
      width: canvas.width,
      height: canvas.height,
      inked: inked / pixels,
      coloured: coloured / pixels,
    };
  }, url);
  // Show the rendered page on its own, for a person to look at.
  const viewer = await page.context().newPage();
  await viewer.setViewportSize({ width: ink.width, height: ink.height });
  await viewer.setContent(
    `<body style="margin:0;background:#888"><img src="${url}" style="display:block"></body>`,
  );
  await viewer.screenshot({ path: path.join(artifactsDir, `export-pdf-${name}.png`) });
  await viewer.close();
  return ink;
}

async function checkPdf(page: Page, file: string, name: string): Promise<Ink> {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const ink = await renderPdf(page, file, name);
  // The page is as large as the figure: points = px × 0.75, rendered at 50 dpi = 50/72 px per pt.
  const box = mediaBox(bytes);
  expect(Math.abs(ink.width - (box.width * 50) / 72)).toBeLessThanOrEqual(1.5);
  expect(Math.abs(ink.height - (box.height * 50) / 72)).toBeLessThanOrEqual(1.5);
  expect(ink.inked).toBeGreaterThan(0.005);
  return ink;
}

test.skip(
  !existsSync(pdftoppm) || !existsSync(pdftotext),
  'poppler-utils (pdftoppm, pdftotext) is not installed',
);

test.describe('PDF export', () => {
  test('the Spectrum and Grassmann figures export as vector PDFs that render with ink', async ({
    app,
  }) => {
    const { page } = app;

    await openView(page, 'Spectrum');
    await expect(page.getByTestId('scree-marks')).toHaveAttribute('data-count', '3');
    const spectrum = await exportPdf(page, 'spectrum', {
      title: 'Scree plot of the worked example',
      caption: 'Rank 2: the third singular value is roundoff.',
      print: true,
    });
    const spectrumText = readFileSync(spectrum).toString('latin1');
    // Vector: no raster image in the PDF, and the title is text in a font, not pixels.
    expect(spectrumText).not.toMatch(/\/Subtype\s*\/Image/);
    expect(spectrumText).toMatch(/\/Type\s*\/Font/);
    // σ, ε and the rest need the embedded Unicode font (jsPDF lists the standard 14 fonts in
    // every document, so their presence says nothing).
    expect(spectrumText).toMatch(/\/BaseFont\s*\/DejaVuSansCondensed/);
    expect(spectrumText).toMatch(/\/FontFile2/);
    await checkPdf(page, spectrum, 'spectrum');
    const spectrumWords = pdfText(spectrum);
    expect(spectrumWords).toContain('Scree plot of the worked example');
    expect(spectrumWords).toContain('σ');

    await openView(page, 'Grassmann');
    await page.getByLabel('Subspace B matrix').selectOption('exercise-b');
    await expect(page.getByTestId('angles-readout')).toContainText('75.04°');
    const grassmann = await exportPdf(page, 'grassmann', {
      caption: 'Two planes sharing a line.',
    });
    await checkPdf(page, grassmann, 'grassmann');
    const grassmannWords = pdfText(grassmann);
    expect(grassmannWords).toContain('75.04°');
    expect(grassmannWords).toContain('Two planes sharing a line.');
  });

  test('heatmaps come out as images in the PDF', async ({ app }) => {
    const { page } = app;
    await openView(page, 'Approximate');
    await expect(page.getByTestId('sigma-next')).toHaveText('0.396');
    const approximation = await exportPdf(page, 'approximate', {});
    // Three heatmaps: A, A_r and A − A_r.
    expect(
      readFileSync(approximation)
        .toString('latin1')
        .match(/\/Subtype\s*\/Image/g),
    ).toHaveLength(3);
    expect((await checkPdf(page, approximation, 'approximate')).coloured).toBeGreaterThan(0.005);
  });

  test('the 3D scenes of the Subspaces view come out as vectors, not images', async ({ app }) => {
    const { page } = app;
    await openView(page, 'Subspaces');
    await expect(page.getByTestId('space-label')).toHaveCount(4);
    await page.waitForTimeout(1000);
    for (const print of [true, false]) {
      const scene = await exportPdf(page, `subspaces-${print ? 'print' : 'screen'}`, {
        title: 'Four subspaces',
        print,
      });
      expect(readFileSync(scene).toString('latin1')).not.toMatch(/\/Subtype\s*\/Image/);
      const ink = await checkPdf(page, scene, `subspaces-${print ? 'print' : 'screen'}`);
      const words = pdfText(scene);
      for (const label of [
        'row space ⊂ ℝ³, dim 2',
        'null space ⊂ ℝ³, dim 1',
        'column space ⊂ ℝ³, dim 2',
        'left null space ⊂ ℝ³, dim 1',
      ])
        expect(words).toContain(label);
      // The coloured planes and lines are drawn as paths.
      expect(ink.coloured).toBeGreaterThan(0.005);
    }
  });
});
