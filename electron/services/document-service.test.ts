import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { writeNpy } from '../../core/formats/npy';
import { densePath } from '../../core/project/container';
import { projectVersion, type ProjectDocument } from '../../core/project/schema';
import type { ImportedMatrix } from '../../core/protocol/files';
import { createComputePool } from './create-pool';
import { DocumentService } from './document-service';

// The file methods never touch the pool; one worker keeps the service real and cheap.
const pool = createComputePool(import.meta.url, { size: 1 });
afterAll(() => pool.close());

let folder: string;
const services: DocumentService[] = [];
beforeEach(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'rankscope-documents-'));
});
afterEach(async () => {
  for (const service of services.splice(0)) await service.backups.whenIdle();
  await rm(folder, { recursive: true, force: true });
});

/** A service as one run of the app has it; runs sharing `data` share backups. */
async function startService(data = 'data'): Promise<DocumentService> {
  const service = new DocumentService(pool, path.join(folder, data));
  await service.start();
  services.push(service);
  return service;
}

/** Entry (i, j) of the test matrices as text: decimals, negatives, fractions, exponents. */
function entryText(i: number, j: number): string {
  if ((i + j) % 11 === 0) return `${i + 1}/${j + 3}`;
  if ((i * j) % 7 === 3) return `-${i}.${j}e-3`;
  return `${(i * 151 + j) / 8}`;
}

function entryValue(i: number, j: number): number {
  const text = entryText(i, j);
  const slash = text.indexOf('/');
  return slash < 0 ? Number(text) : Number(text.slice(0, slash)) / Number(text.slice(slash + 1));
}

function csv(rows: number, cols: number, change?: (i: number, j: number) => string | undefined) {
  const lines: string[] = [];
  for (let i = 0; i < rows; i++) {
    const cells: string[] = [];
    for (let j = 0; j < cols; j++) cells.push(change?.(i, j) ?? entryText(i, j));
    lines.push(cells.join(','));
  }
  return lines.join('\n') + '\n';
}

/** The column-major numbers the CSV holds. */
function expectedNumbers(rows: number, cols: number): Float64Array {
  const data = new Float64Array(rows * cols);
  for (let j = 0; j < cols; j++)
    for (let i = 0; i < rows; i++) data[i + j * rows] = entryValue(i, j);
  return data;
}

/** What the page does with a dense import: a project matrix under the host's id. */
function documentWith(imported: ImportedMatrix, title = 'Large'): ProjectDocument {
  const matrixId = imported.dense!.matrixId;
  return {
    type: 'rankscope',
    version: projectVersion,
    title,
    matrices: [
      { id: 'small', name: 'A', entries: [['1', '1/3']] },
      {
        id: matrixId,
        name: imported.fileName,
        entries: [],
        dense: {
          path: densePath(matrixId),
          rows: imported.rows,
          cols: imported.cols,
          dtype: 'float64',
        },
      },
    ],
    selectedMatrixId: matrixId,
    views: {},
    notes: '',
  };
}

/** A file as the handlers hand it over: its path and the name the page knows. */
function chosen(file: string) {
  return { path: file, name: path.basename(file) };
}

/** Writes bytes the page would have uploaded, and hands the file over as chosen. */
async function uploaded(fileName: string, bytes: Uint8Array | string) {
  const file = path.join(folder, fileName);
  await writeFile(file, bytes);
  return chosen(file);
}

async function importCsv(service: DocumentService, rows = 200, cols = 150) {
  const file = path.join(folder, `scores-${rows}x${cols}.csv`);
  await writeFile(file, csv(rows, cols));
  return service.importMatrix(chosen(file));
}

describe('DocumentService: matrices larger than the editor', () => {
  it('keeps a 200×150 CSV as numbers in the host and reads them back exactly', async () => {
    const service = await startService();
    const imported = await importCsv(service);
    expect(imported).toMatchObject({ rows: 200, cols: 150, cells: [] });
    expect(imported.dense?.matrixId).toMatch(/^dense-/);
    expect(imported.dense!.matrixId.length).toBeLessThanOrEqual(64);
    expect(imported.notes).toEqual([]);
    const read = service.readMatrix(imported.dense!.matrixId);
    expect(read.rows).toBe(200);
    expect(read.cols).toBe(150);
    expect(read.data).toBeInstanceOf(Float64Array);
    expect(read.data).toEqual(expectedNumbers(200, 150));
  });

  it('still gives small imports as exact editor cells', async () => {
    const service = await startService();
    const imported = await service.importMatrix(await uploaded('small.csv', csv(64, 64)));
    expect(imported.dense).toBeUndefined();
    expect(imported.cells[5][11]).toBe(entryText(5, 11));
    expect(imported.cells.length).toBe(64);
  });

  it('keeps binary imports larger than 64 in either dimension (.npy 500×3)', async () => {
    const service = await startService();
    const data = Float64Array.from({ length: 1500 }, (_, k) => Math.sin(k) * 1e3);
    const imported = await service.importMatrix(
      await uploaded('tall.npy', writeNpy({ rows: 500, cols: 3, data })),
    );
    expect(imported).toMatchObject({ rows: 500, cols: 3, cells: [] });
    expect(imported.notes[0]).toBe('Read as float64, shape 500×3.');
    expect(service.readMatrix(imported.dense!.matrixId).data).toEqual(data);
  });

  it('names the row and column of a text cell in a large CSV', async () => {
    const service = await startService();
    const text = csv(200, 150, (i, j) => (i === 119 && j === 6 ? 'n/a' : undefined));
    await expect(service.importMatrix(await uploaded('broken.csv', text))).rejects.toMatchObject({
      name: 'FormatError',
      message: 'broken.csv, line 120, column 7: "n/a" is not a number',
    });
  });

  it('refuses to read a matrix it does not hold, saying so', async () => {
    const service = await startService();
    expect(() => service.readMatrix('dense-unknown')).toThrow(
      expect.objectContaining({
        name: 'MissingMatrix',
        message: expect.stringContaining('"dense-unknown" are not available'),
      }),
    );
    expect(() =>
      service.readMatrix('dense-unknown', path.join(folder, 'never-opened.rankscope')),
    ).toThrow(/never-opened\.rankscope .* does not hold it/);
  });

  it('saves the imported numbers into the project; another run reads them from the file', async () => {
    const service = await startService();
    const imported = await importCsv(service);
    const matrixId = imported.dense!.matrixId;
    const file = path.join(folder, 'lecture.rankscope');
    const saved = await service.saveProject(file, { document: documentWith(imported) });
    expect(saved.document.matrices[1].dense).toMatchObject({ rows: 200, cols: 150 });
    // After saving, the numbers are also known from the file.
    expect(service.readMatrix(matrixId, file).data).toEqual(expectedNumbers(200, 150));

    const later = await startService('later');
    const opened = await later.openProject(file);
    expect(opened.document).toEqual(saved.document);
    expect(() => later.readMatrix(matrixId)).toThrow(/not imported in this run/);
    const read = later.readMatrix(matrixId, file);
    expect(read.data).toEqual(expectedNumbers(200, 150));
    // A view into the whole file would send all of it over IPC: the answer owns its numbers.
    expect(read.data.buffer.byteLength).toBe(200 * 150 * 8);

    // Save As: the numbers come from the file the document was opened from.
    const copy = path.join(folder, 'copy.rankscope');
    await later.saveProject(copy, {
      document: { ...opened.document, title: 'Copy' },
      blobsFrom: file,
    });
    const third = await startService('third');
    await third.openProject(copy);
    expect(third.readMatrix(matrixId, copy).data).toEqual(expectedNumbers(200, 150));

    // Save As in the importing run itself needs no source file.
    const second = path.join(folder, 'second.rankscope');
    await service.saveProject(second, { document: documentWith(imported, 'Second') });
    await third.openProject(second);
    expect(third.readMatrix(matrixId, second).data).toEqual(expectedNumbers(200, 150));
  });

  it('keeps numbers the page hands over (a large paste, a dropped project) and saves them', async () => {
    const service = await startService();
    const data = expectedNumbers(80, 70);
    const fresh = service.keepMatrix({ rows: 80, cols: 70, data });
    expect(fresh.matrixId).toMatch(/^dense-/);
    expect(service.readMatrix(fresh.matrixId).data).toEqual(data);
    // A dropped project's dense matrix keeps its id, so the document saves as it stands.
    const kept = service.keepMatrix({ matrixId: 'from-dropped-file', rows: 80, cols: 70, data });
    expect(kept.matrixId).toBe('from-dropped-file');
    const document = documentWith({
      fileName: 'dropped',
      rows: 80,
      cols: 70,
      cells: [],
      notes: [],
      dense: { matrixId: 'from-dropped-file' },
    });
    const file = path.join(folder, 'dropped.rankscope');
    await service.saveProject(file, { document });
    const later = await startService('after-drop');
    await later.openProject(file);
    expect(later.readMatrix('from-dropped-file', file).data).toEqual(data);
  });

  it('refuses to save a document whose dense numbers are nowhere', async () => {
    const importing = await startService();
    const imported = await importCsv(importing, 70, 3);
    const elsewhere = await startService('elsewhere');
    await expect(
      elsewhere.saveProject(path.join(folder, 'lost.rankscope'), {
        document: documentWith(imported),
      }),
    ).rejects.toThrow(/the numbers of the matrix "scores-70x3\.csv" \(70×3\) are not available/);
    expect(await readdir(folder)).not.toContain('lost.rankscope');
  });

  it('backs up imported numbers, so a crash loses nothing: restore, read, save', async () => {
    const crashed = await startService();
    const imported = await importCsv(crashed);
    const matrixId = imported.dense!.matrixId;
    crashed.writeBackup('window-1', documentWith(imported, 'Unsaved'));
    await crashed.backups.flush();
    // The process dies here: no end().

    const next = await startService();
    const [backup] = await next.listBackups();
    expect(backup).toMatchObject({ id: 'window-1', title: 'Unsaved' });
    const restored = await next.restoreBackup('window-1');
    expect(restored.document.matrices[1].id).toBe(matrixId);
    expect(Object.keys(restored.summary).sort()).toEqual([
      'id',
      'path',
      'recoverable',
      'savedAt',
      'title',
    ]);
    expect(restored.losses).toEqual([]);
    expect(next.readMatrix(matrixId).data).toEqual(expectedNumbers(200, 150));

    const file = path.join(folder, 'recovered.rankscope');
    await next.saveProject(file, { document: restored.document });
    const reader = await startService('reader');
    await reader.openProject(file);
    expect(reader.readMatrix(matrixId, file).data).toEqual(expectedNumbers(200, 150));

    // Once saved, the backup and its numbers go.
    await next.clearBackup('window-1');
    expect(await readdir(path.join(folder, 'data', 'backups'))).toEqual([]);
  });

  it('restores a backup of an opened project with the numbers from its file', async () => {
    const first = await startService();
    const imported = await importCsv(first, 90, 4);
    const matrixId = imported.dense!.matrixId;
    const file = path.join(folder, 'opened.rankscope');
    await first.saveProject(file, { document: documentWith(imported) });

    const editing = await startService('editing');
    const opened = await editing.openProject(file);
    editing.writeBackup('window-2', { ...opened.document, title: 'Edited' }, file);
    await editing.backups.flush();
    // Opened, not imported: nothing but the document is written beside the backup.
    expect(await readdir(path.join(folder, 'editing', 'backups'))).toEqual(['window-2.json']);

    const next = await startService('editing');
    const restored = await next.restoreBackup('window-2');
    expect(restored.summary.path).toBe(file);
    expect(next.readMatrix(matrixId, file).data).toEqual(expectedNumbers(90, 4));
    await next.saveProject(file, { document: restored.document });
    const reader = await startService('reader');
    expect((await reader.openProject(file)).document.title).toBe('Edited');
    expect(reader.readMatrix(matrixId, file).data).toEqual(expectedNumbers(90, 4));
  });
});
