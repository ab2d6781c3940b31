import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { decodeProject } from './container';
import { migrate, migrateV1ToV2, migrations, oldestReadableVersion } from './migrations';
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
    expect(document.sessions).toEqual([]);
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
