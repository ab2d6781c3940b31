// A worksheet's exercises as project matrices (core/project/schema.ts): A as the exact strings a
// person would type, b as the right-hand side, and a note saying where the exercise came from, so
// the app can add them to the open project (ids and names kept clear of those already there).
import { type MatrixDocument, matrixDocumentSchema } from '../project/schema';
import type { Worksheet } from './worksheet-generator';
import { worksheetDescription } from './worksheet-latex';

export interface ExistingMatrices {
  ids: Iterable<string>;
  names: Iterable<string>;
}

/** `wanted`, or the first of "wanted (2)", "wanted (3)", … (ids: "wanted-2", …) not taken. */
function unused(wanted: string, taken: Set<string>, suffix: (k: number) => string): string {
  if (!taken.has(wanted)) return wanted;
  for (let k = 2; ; k++) {
    const candidate = `${wanted}${suffix(k)}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** One validated MatrixDocument per exercise, in order. */
export function worksheetMatrices(
  sheet: Worksheet,
  existing: ExistingMatrices = { ids: [], names: [] },
): MatrixDocument[] {
  const ids = new Set(existing.ids);
  const names = new Set(existing.names);
  const description = worksheetDescription(sheet.options);
  return sheet.exercises.map((exercise) => {
    const id = unused(`exercise-${sheet.options.seed}-${exercise.number}`, ids, (k) => `-${k}`);
    const name = unused(`Exercise ${exercise.number}`, names, (k) => ` (${k})`);
    ids.add(id);
    names.add(name);
    const document: MatrixDocument = {
      id,
      name,
      entries: exercise.matrix.map((row) => row.map(String)),
      note: `Worksheet exercise ${exercise.number} (${description}).`,
    };
    if (exercise.rightHandSide) document.rightHandSide = exercise.rightHandSide.map(String);
    return matrixDocumentSchema.parse(document);
  });
}
