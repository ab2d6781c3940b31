// What can still be recovered from a damaged document (a backup cut short by a crash or a full
// disk, or one whose contents no longer pass the schema): each part is kept if it is valid on its
// own, and every part that is not is named in a sentence. A truncated JSON text is first cut back
// to its last complete value and closed, so what was written before the cut is not lost.
import { migrate } from './migrations';
import {
  matrixDocumentSchema,
  projectSchema,
  projectVersion,
  type MatrixDocument,
  type ProjectDocument,
} from './schema';
import { deepestViewNesting, nestingDepth } from './nesting';

export { deepestViewNesting, nestingDepth };

export interface Salvaged {
  /** Null when nothing worth keeping was left (not even a matrix). */
  document: ProjectDocument | null;
  /** What could not be recovered, one sentence each; empty when the document was whole. */
  losses: string[];
}

/**
 * A JSON text cut short, repaired: cut back to the end of its last complete value inside the
 * outermost container and closed. Returns null when not even the outermost `{` or `[` is there.
 */
export function repairTruncatedJson(text: string): unknown {
  const closers: string[] = [];
  /** [position after a complete value, the closers open then]. */
  let lastComplete: { at: number; open: number } | null = null;
  let inString = false;
  let escaped = false;
  let valueStart = -1;
  for (let k = 0; k < text.length; k++) {
    const character = text[k];
    if (inString) {
      if (escaped) escaped = false;
      else if (character === '\\') escaped = true;
      else if (character === '"') {
        inString = false;
        // A string is a complete value unless it is a key (a colon follows) or the text ends.
        let next = k + 1;
        while (next < text.length && /\s/.test(text[next])) next++;
        if (next < text.length && text[next] !== ':')
          lastComplete = { at: k + 1, open: closers.length };
      }
      continue;
    }
    if (character === '"') {
      inString = true;
      continue;
    }
    if (character === '{' || character === '[') {
      closers.push(character === '{' ? '}' : ']');
      valueStart = -1;
      continue;
    }
    if (character === '}' || character === ']') {
      closers.pop();
      lastComplete = { at: k + 1, open: closers.length };
      if (closers.length === 0) break;
      continue;
    }
    if (/[-0-9a-z.+eE]/.test(character)) {
      if (valueStart < 0) valueStart = k;
      // A number or literal is complete when what follows ends it.
      const next = text[k + 1];
      if (next !== undefined && !/[-0-9a-zA-Z.+]/.test(next)) {
        lastComplete = { at: k + 1, open: closers.length };
        valueStart = -1;
      }
      continue;
    }
    valueStart = -1;
  }
  if (!lastComplete) return null;
  // Close what was open when the last complete value ended; drop a dangling comma or key.
  let kept = text.slice(0, lastComplete.at).replace(/,\s*$/, '');
  const stack: string[] = [];
  let quoted = false;
  let escape = false;
  for (const character of kept) {
    if (quoted) {
      if (escape) escape = false;
      else if (character === '\\') escape = true;
      else if (character === '"') quoted = false;
    } else if (character === '"') quoted = true;
    else if (character === '{') stack.push('}');
    else if (character === '[') stack.push(']');
    else if (character === '}' || character === ']') stack.pop();
  }
  kept += stack.reverse().join('');
  try {
    return JSON.parse(kept);
  } catch {
    // A key whose value was cut ("title": ) leaves an object that does not parse: cut it too.
    try {
      return JSON.parse(kept.replace(/,?\s*"[^"]*"\s*:\s*([}\]])/g, '$1'));
    } catch {
      return null;
    }
  }
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Keeps what is valid of a raw document; `losses` says what was not. */
export function salvageDocument(raw: unknown): Salvaged {
  try {
    const whole = projectSchema.safeParse(migrate(raw));
    if (whole.success && nestingDepth(whole.data.views, deepestViewNesting) <= deepestViewNesting)
      return { document: whole.data, losses: [] };
  } catch {
    // Not even its header migrates: salvage part by part below.
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { document: null, losses: ['It holds no project at all.'] };
  const record = raw as Record<string, unknown>;
  let migrated: Record<string, unknown> = record;
  try {
    migrated = migrate({ ...record, type: 'rankscope', version: record.version ?? projectVersion });
  } catch {
    // Keep the raw parts; each is checked on its own below.
  }
  const losses: string[] = [];
  const rawMatrices = Array.isArray(migrated.matrices) ? migrated.matrices : [];
  const matrices: MatrixDocument[] = [];
  const lost: string[] = [];
  for (const candidate of rawMatrices) {
    const parsed = matrixDocumentSchema.safeParse(candidate);
    if (parsed.success && !matrices.some((matrix) => matrix.id === parsed.data.id))
      matrices.push(parsed.data);
    else {
      const name = (candidate as { name?: unknown } | null)?.name;
      lost.push(typeof name === 'string' ? `“${name.slice(0, 40)}”` : 'one without a name');
    }
  }
  if (!Array.isArray(migrated.matrices)) losses.push('Its list of matrices could not be read.');
  else if (lost.length > 0)
    losses.push(
      `${plural(lost.length, 'matrix')} of ${rawMatrices.length} could not be read (${lost.slice(0, 5).join(', ')}${lost.length > 5 ? ', …' : ''}).`.replace(
        /matrixs/,
        'matrices',
      ),
    );
  const views: Record<string, unknown> = {};
  const rawViews =
    typeof migrated.views === 'object' && migrated.views !== null && !Array.isArray(migrated.views)
      ? (migrated.views as Record<string, unknown>)
      : {};
  const droppedViews: string[] = [];
  for (const [name, settings] of Object.entries(rawViews)) {
    if (nestingDepth(settings, deepestViewNesting) < deepestViewNesting) views[name] = settings;
    else droppedViews.push(name);
  }
  if (droppedViews.length > 0)
    losses.push(
      `The settings of the ${droppedViews.slice(0, 5).join(', ')} view${droppedViews.length === 1 ? '' : 's'} nest more than ${deepestViewNesting} levels deep and were left out.`,
    );
  const title =
    typeof migrated.title === 'string' && migrated.title.length <= 200 ? migrated.title : null;
  if (title === null) losses.push('Its title could not be read.');
  const notes =
    typeof migrated.notes === 'string' && migrated.notes.length <= 1_000_000 ? migrated.notes : '';
  if (migrated.notes !== undefined && notes === '' && migrated.notes !== '')
    losses.push('Its notes could not be read.');
  if (matrices.length === 0 && title === null) return { document: null, losses };
  const document = projectSchema.safeParse({
    type: 'rankscope',
    version: projectVersion,
    title: title ?? 'Recovered project',
    matrices,
    ...(typeof migrated.selectedMatrixId === 'string' &&
    matrices.some((matrix) => matrix.id === migrated.selectedMatrixId)
      ? { selectedMatrixId: migrated.selectedMatrixId }
      : {}),
    views,
    notes,
  });
  if (!document.success)
    return { document: null, losses: [...losses, 'Its contents could not be read.'] };
  return { document: document.data, losses };
}
