import { describe, expect, it } from 'vitest';
import { createProjectStore } from './project-store';
import welcome from '../../../assets/examples/welcome.json';
import { migrate } from '../../../core/project/migrations';
import { projectSchema } from '../../../core/project/schema';
import {
  createFileSession,
  isDirty,
  newestEntry,
  suggestedProjectName,
  windowTitle,
} from './file-session';

function handle(name: string) {
  return { handle: `fh-${name}`, name, kind: 'file' as const };
}

describe('file session', () => {
  const document = projectSchema.parse(migrate(welcome));

  it('is clean after opening, dirty after an edit, clean again after undoing it', () => {
    const project = createProjectStore(document);
    const session = createFileSession();
    session.getState().markSaved(handle('a.rankscope'), newestEntry(project.getState()));
    expect(isDirty(project.getState(), session.getState())).toBe(false);
    project.getState().editCell('worked-example', 0, 0, '7');
    expect(isDirty(project.getState(), session.getState())).toBe(true);
    project.getState().undo();
    expect(isDirty(project.getState(), session.getState())).toBe(false);
    project.getState().redo();
    expect(isDirty(project.getState(), session.getState())).toBe(true);
  });

  it('is clean at the point it was saved, even with history before it', () => {
    const project = createProjectStore(document);
    const session = createFileSession();
    project.getState().renameMatrix('worked-example', 'Renamed');
    session.getState().markSaved(handle('b.rankscope'), newestEntry(project.getState()));
    expect(isDirty(project.getState(), session.getState())).toBe(false);
    project.getState().undo();
    expect(isDirty(project.getState(), session.getState())).toBe(true);
  });

  it('titles the window with a dirty mark and the file name', () => {
    expect(windowTitle('lecture.rankscope', 'Lecture 3', true)).toBe(
      '● lecture.rankscope — Rankscope',
    );
    expect(windowTitle(null, 'Lecture 3', false)).toBe('Lecture 3 — Rankscope');
  });

  it('suggests a safe file name from the title, and no folder at all', () => {
    expect(suggestedProjectName('Rank: a/b?')).toBe('Rank a b.rankscope');
    expect(suggestedProjectName('')).toBe('Untitled project.rankscope');
  });

  it('keeps the handle, the name and the path shown, never a path of its own', () => {
    const session = createFileSession();
    session
      .getState()
      .markSaved({ ...handle('lecture.rankscope'), shownPath: 'week 3/lecture.rankscope' }, null);
    expect(session.getState()).toMatchObject({
      file: 'fh-lecture.rankscope',
      fileName: 'lecture.rankscope',
      shownPath: 'week 3/lecture.rankscope',
    });
    session.getState().markSaved(null, null, 'dropped.rankscope');
    expect(session.getState()).toMatchObject({ file: null, fileName: 'dropped.rankscope' });
  });

  it('gives every session its own backup id', () => {
    const session = createFileSession();
    const first = session.getState().sessionId;
    session.getState().newSession();
    expect(session.getState().sessionId).not.toBe(first);
    expect(first).toMatch(/^[A-Za-z0-9_-]+$/);
  });
});
