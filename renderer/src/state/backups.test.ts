import { describe, expect, it } from 'vitest';
import welcome from '../../../assets/examples/welcome.json';
import { migrate } from '../../../core/project/migrations';
import { projectSchema } from '../../../core/project/schema';
import type { BackupRequest } from '../../../core/protocol/files';
import { keepBackups } from './backups';
import { createFileSession, newestEntry } from './file-session';
import { createProjectStore } from './project-store';

function recordingHost() {
  const calls: { kind: 'write' | 'clear'; title?: string; cell?: string }[] = [];
  return {
    calls,
    host: {
      writeBackup: async (request: BackupRequest) => {
        calls.push({
          kind: 'write',
          cell: request.document.matrices[0].entries[0][0],
        });
      },
      clearBackup: async () => {
        calls.push({ kind: 'clear' });
      },
    },
  };
}

describe('keepBackups', () => {
  const document = projectSchema.parse(migrate(welcome));

  it('backs up each change and clears the backup when undo returns to the saved state', () => {
    const project = createProjectStore(document);
    const session = createFileSession();
    session.getState().markSaved(null, newestEntry(project.getState()));
    const { host, calls } = recordingHost();
    const stop = keepBackups(host, project, session);

    project.getState().editCell('worked-example', 0, 0, '7');
    expect(calls).toEqual([{ kind: 'write', cell: '7' }]);
    project.getState().undo();
    expect(calls.at(-1)).toEqual({ kind: 'clear' });

    project.getState().selectMatrix('exercise-a');
    expect(calls).toHaveLength(2);

    stop();
    project.getState().redo();
    expect(calls).toHaveLength(2);
  });

  it('keeps editing when the host cannot write the backup', async () => {
    const project = createProjectStore(document);
    const session = createFileSession();
    const stop = keepBackups(
      { writeBackup: () => Promise.reject(new Error('disk full')), clearBackup: async () => {} },
      project,
      session,
    );
    project.getState().editCell('worked-example', 0, 0, '5');
    await Promise.resolve();
    expect(project.getState().document.matrices[0].entries[0][0]).toBe('5');
    stop();
  });
});
