// Where a row of the Lab's table can go: the project (and so every view) takes matrices up to
// 2^24 numbers, larger than the editor's 64×64 as read-only numbers; larger tensors stay in the
// Lab. Only a tensor of a single safetensors or .npy file can be imported (the host's importer).
/** The most numbers a project matrix holds (the host's import cap): larger tensors stay in the Lab. */
export const largestProjectEntries = 2 ** 24;

export type RowDestination =
  | { kind: 'project' }
  | {
      kind: 'lab';
      /** Why the tensor cannot join the project, for the person who asked. */
      reason: string;
    };

/** Whether a row's tensor can open in the Spectrum / Approximate views, and why not when not. */
export function destinationFor(
  row: { name: string; rows: number; cols: number },
  view: 'spectrum' | 'approximate',
  sourceName: string | null,
): RowDestination {
  if (!sourceName || !/\.(safetensors|npy)$/i.test(sourceName))
    return {
      kind: 'lab',
      reason: `Tensors join the project from a single .safetensors or .npy file; ${row.name} stays here in the Lab.`,
    };
  if (row.rows * row.cols <= largestProjectEntries) return { kind: 'project' };
  const size = `${row.rows}×${row.cols}`;
  const limit = `${largestProjectEntries.toLocaleString('en-US')} numbers`;
  return {
    kind: 'lab',
    reason:
      view === 'spectrum'
        ? `${row.name} is ${size}: project matrices hold at most ${limit}, so its spectrum stays here in the Lab (below).`
        : `${row.name} is ${size}: the Approximate view works on project matrices, which hold at most ${limit}. The scree plot below shows what a rank-r truncation would keep (energy curve).`,
  };
}
