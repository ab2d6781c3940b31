import { describe, expect, it } from 'vitest';
import { createProjectStore } from './project-store';
import welcome from '../../../assets/examples/welcome.json';
import { migrate } from '../../../core/project/migrations';
import { projectSchema } from '../../../core/project/schema';
import {
  createFileSession,
  isDirty,
  newestEntry,
  suggestedProjectPath,
  windowTitle,
} from './file-session';

describe('file session', () => {
  const document = projectSchema.parse(migrate(welcome));

  it('is clean after opening, dirty after an edit, clean again after undoing it', () => {
    const project = createProjectStore(document);
    const session = createFileSession();
    session
      .getState()
      .markSaved('/tmp/a.rankscope', 'a.rankscope', newestEntry(project.getState()));
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
    session
      .getState()
      .markSaved('/tmp/b.rankscope', 'b.rankscope', newestEntry(project.getState()));
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

  it('suggests a safe path in the home folder', () => {
    expect(suggestedProjectPath('/home/ada', 'Rank: a/b?')).toBe(
      '/home/ada/Rankscope/Rank a b.rankscope',
    );
    expect(suggestedProjectPath('C:\\Users\\ada', '')).toBe(
      'C:\\Users\\ada\\Rankscope\\Untitled project.rankscope',
    );
  });

  it('gives every session its own backup id', () => {
    const session = createFileSession();
    const first = session.getState().sessionId;
    session.getState().newSession();
    expect(session.getState().sessionId).not.toBe(first);
    expect(first).toMatch(/^[A-Za-z0-9_-]+$/);
  });
});
