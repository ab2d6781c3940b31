import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { decodeProject } from './container';
import {
  migrate,
  migrateV1ToV2,
  migrateV2ToV3,
  migrations,
  oldestReadableVersion,
} from './migrations';
import { ProjectError } from './project-error';
import { projectSchema, projectVersion } from './schema';

const fixtureText = (name: string) =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const fixtureBytes = (name: string) =>
  new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
const v1Fixtures = ['v1-welcome.json', 'v1-minimal.json', 'v1-system.json'];

describe('migrations', () => {
  it('has one step from every earlier version up to the current one', () => {
    for (let version = oldestReadableVersion; version < projectVersion; version++) {
      expect(typeof migrations[version]).toBe('function');
    }
  });

  it.each(v1Fixtures)(
    'v1 → v2 keeps every matrix, view setting and note of %s and adds no sessions',
    (name) => {
      const v1 = JSON.parse(fixtureText(name)) as Record<string, unknown>;
      const v2 = migrateV1ToV2(v1);
      expect(v2.version).toBe(2);
      expect(v2.sessions).toEqual([]);
      for (const key of ['type', 'title', 'matrices', 'selectedMatrixId', 'views', 'notes'])
        expect(v2[key]).toEqual(v1[key]);
      expect(v1.version).toBe(1); // the input is not modified
    },
  );

  it('v2 → v3 moves manual sessions into the Reduce view, keeping what the view already has', () => {
    const v2 = {
      type: 'rankscope',
      version: 2,
      title: 'Sessions',
      matrices: [
        {
          id: 'a',
          name: 'A',
          entries: [
            ['1', '2'],
            ['3', '4'],
          ],
        },
        { id: 'b', name: 'B', entries: [['5']] },
        {
          id: 'big',
          name: 'Big',
          entries: [],
          dense: { path: 'matrices/big.npy', rows: 70, cols: 70, dtype: 'float64' },
        },
      ],
      views: {
        reduce: {
          strategy: 'partial',
          sessions: { b: { cells: [['5']], operations: [], position: 0 } },
        },
      },
      sessions: [
        { id: 's1', matrixId: 'a', operations: [{ kind: 'swap', rows: [0, 1] }] },
        { id: 's2', matrixId: 'b', operations: [{ kind: 'scale', rows: [0], factor: '1/5' }] },
        { id: 's3', matrixId: 'gone', operations: [] },
        { id: 's4', matrixId: 'big', operations: [] },
      ],
      notes: '',
    };
    const v3 = migrateV2ToV3(v2);
    expect(v3.version).toBe(3);
    expect('sessions' in v3).toBe(false);
    expect(v3.views).toEqual({
      reduce: {
        strategy: 'partial',
        sessions: {
          a: {
            cells: [
              ['1', '2'],
              ['3', '4'],
            ],
            operations: [{ kind: 'swap', rows: [0, 1] }],
            position: 1,
          },
          b: { cells: [['5']], operations: [], position: 0 },
        },
      },
    });
    expect(v2.version).toBe(2); // the input is not modified
    expect(projectSchema.parse(v3).matrices).toEqual(v2.matrices);
    // A v2 file with no sessions gains no Reduce settings.
    expect(migrateV2ToV3({ ...v2, views: {}, sessions: [] }).views).toEqual({});
  });

  it.each(v1Fixtures)('%s migrates to a document the current schema accepts', (name) => {
    const current = projectSchema.parse(migrate(JSON.parse(fixtureText(name))));
    expect(current.version).toBe(projectVersion);
    const original = JSON.parse(fixtureText(name)) as { matrices: unknown[]; title: string };
    expect(current.matrices).toEqual(original.matrices);
    expect(current.title).toBe(original.title);
  });

  it('opens the v1 zip fixture written by Python zipfile, migrated', () => {
    const { document, blobs } = decodeProject(
      fixtureBytes('v1-system.rankscope'),
      'v1-system.rankscope',
    );
    expect(document.version).toBe(projectVersion);
    expect(document.title).toBe('Système linéaire — Übung 3 ✓');
    expect(document.matrices[0].rightHandSide).toEqual(['1', '2', '-7/3']);
    expect(document.views).toEqual({
      reduce: { strategy: 'partial' },
      spectrum: { policy: 'numpy' },
    });
    expect('sessions' in document).toBe(false);
    expect(blobs.size).toBe(0);
  });

  it('a current document passes through unchanged', () => {
    const welcome = JSON.parse(
      readFileSync(new URL('../../assets/examples/welcome.json', import.meta.url), 'utf8'),
    );
    expect(migrate(welcome)).toEqual(welcome);
  });

  it('refuses newer, missing and nonsensical versions', () => {
    const refuse = (raw: unknown) => {
      try {
        migrate(raw);
      } catch (error) {
        expect(error).toBeInstanceOf(ProjectError);
        return (error as ProjectError).kind;
      }
      throw new Error('expected a refusal');
    };
    expect(refuse({ type: 'rankscope', version: projectVersion + 5 })).toBe('newer-version');
    expect(refuse({ type: 'rankscope' })).toBe('schema');
    expect(refuse({ type: 'rankscope', version: 1.5 })).toBe('schema');
    expect(refuse({ type: 'rankscope', version: 0 })).toBe('schema');
    expect(refuse([1, 2])).toBe('wrong-type');
    expect(refuse({ version: 1 })).toBe('wrong-type');
  });
});
