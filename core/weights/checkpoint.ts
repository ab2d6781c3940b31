// A checkpoint: the table of every tensor of a model — name, dtype, shape, quantization, file and
// byte range — built from the headers alone, whatever the format (safetensors, sharded or not;
// .npy/.npz; GGUF, split or not; PyTorch zips, sharded or not; ONNX with external data). Files
// are reached through CheckpointFiles, which the host implements over the files a person chose,
// so core names files only as the checkpoint itself names them. Cost O(headers).
import type { ByteSource } from '../formats/byte-source';
import { checkRelativeFileName, readExactly } from '../formats/byte-reading';
import { FormatError } from '../formats/format-error';
import { readGgufHeader } from '../formats/gguf';
import { readNpyHeader } from '../formats/npy';
import { readNpzEntries } from '../formats/npz';
import { readOnnxInitializers } from '../formats/onnx';
import { readPytorchCheckpoint } from '../formats/pytorch';
import { readSafetensorsHeader, safetensorsTensorEntries } from '../formats/safetensors';
import { matrixShapeOf, type TensorEntry } from '../formats/tensor-data';
import { looksLikeZip, readZipDirectory } from '../formats/zip-directory';
import { checkpointFormatByName, type CheckpointFormat } from './checkpoint-files';

/** The files of one checkpoint, as the host lets core reach them. */
export interface CheckpointFiles {
  /**
   * A file by its name relative to the folder the person chose (or the chosen file's own name).
   * Names that come from inside a checkpoint are checked by core first (no "..", no absolute
   * paths); the host still confines them to that folder.
   */
  open(name: string): Promise<ByteSource> | ByteSource;
  /** The names of the files in the chosen folder, for a folder of shards. */
  list?(): Promise<string[]> | string[];
}

export type { CheckpointFormat };
export { checkpointFileExtensions } from './checkpoint-files';

export interface CheckpointTensor extends TensorEntry {
  /** The matrix the tensor is analysed as (see matrixShapeOf). */
  rows: number;
  cols: number;
  /** How an N-D tensor became a matrix, when it did. */
  reshaped?: string;
  /** Bytes of its data in the file (compressed bytes for a deflated .npz member). */
  bytes: number;
}

export interface Checkpoint {
  /** What the person chose: a file's name, or the folder ('' ). */
  name: string;
  format: CheckpointFormat;
  files: { name: string; size: number }[];
  tensors: CheckpointTensor[];
  /** Header metadata (safetensors __metadata__, GGUF key/values), as text. */
  metadata: Record<string, string>;
  /** What was passed over or noticed, in sentences. */
  notes: string[];
}

export interface OpenCheckpointOptions {
  /** Largest shard index file accepted (default 64 MB). */
  maxIndexBytes?: number;
}

interface FileTable {
  tensors: TensorEntry[];
  metadata: Record<string, string>;
  notes: string[];
}

const shardedIndex = /\.index\.json$/i;

/**
 * Opens the checkpoint a person chose: `entry` names a file (a single checkpoint file or a
 * `*.index.json` of shards); without it, the chosen folder's files are the checkpoint.
 */
export async function openCheckpoint(
  files: CheckpointFiles,
  entry?: string,
  options: OpenCheckpointOptions = {},
): Promise<Checkpoint> {
  const opened = new Map<string, Promise<ByteSource>>();
  const open = (name: string): Promise<ByteSource> => {
    let source = opened.get(name);
    if (!source) {
      source = Promise.resolve(files.open(name));
      opened.set(name, source);
    }
    return source;
  };
  const sizes = new Map<string, number>();
  const read = async (name: string, format: CheckpointFormat): Promise<FileTable> => {
    const source = await open(name);
    sizes.set(name, source.size);
    return readFileTable(source, name, format);
  };

  let format: CheckpointFormat;
  let shards: string[];
  const notes: string[] = [];
  if (entry !== undefined && shardedIndex.test(entry)) {
    const index = await readShardIndex(await open(entry), entry, options);
    sizes.set(entry, (await open(entry)).size);
    format = index.format;
    const tables = new Map<string, FileTable>();
    for (const shard of new Set(index.weightMap.values()))
      tables.set(shard, await read(shard, format));
    for (const [tensor, shard] of index.weightMap) {
      if (!tables.get(shard)!.tensors.some((candidate) => candidate.name === tensor)) {
        throw new FormatError(
          `the index places tensor ${JSON.stringify(tensor)} in ${shard}, which does not hold it`,
          {
            file: entry,
          },
        );
      }
    }
    const merged = mergeTables(tables, format);
    for (const tensor of merged.tensors) {
      if (!index.weightMap.has(tensor.name))
        notes.push(`${tensor.name} (in ${tensor.data.file}) is not in the index`);
    }
    return finish(entry, format, merged, [...notes, ...merged.notes], sizes);
  }
  if (entry !== undefined) {
    format = await detectFormat(await open(entry), entry);
    shards = [entry];
  } else {
    if (!files.list) throw new FormatError('no file was chosen and the folder cannot be listed');
    const chosen = chooseFolderFiles(await files.list());
    if (chosen.index) return openCheckpoint(files, chosen.index, options);
    format = chosen.format;
    shards = chosen.files;
    notes.push(...chosen.notes);
  }
  const tables = new Map<string, FileTable>();
  for (const shard of shards) tables.set(shard, await read(shard, format));
  const merged = mergeTables(tables, format);
  // ONNX external data: every range must lie inside its file.
  for (const tensor of merged.tensors) {
    if (sizes.has(tensor.data.file)) continue;
    const source = await open(tensor.data.file);
    sizes.set(tensor.data.file, source.size);
  }
  for (const tensor of merged.tensors) {
    const size = sizes.get(tensor.data.file)!;
    if (tensor.data.byteOffset + tensor.data.byteLength > size) {
      throw new FormatError(
        `tensor ${JSON.stringify(tensor.name)}: its ${tensor.data.byteLength} bytes at offset ${tensor.data.byteOffset} run past the end of ${tensor.data.file} (${size} bytes)`,
        { file: tensor.data.file, byteOffset: Math.min(tensor.data.byteOffset, size) },
      );
    }
  }
  return finish(entry ?? '', format, merged, [...notes, ...merged.notes], sizes);
}

function finish(
  name: string,
  format: CheckpointFormat,
  table: FileTable,
  notes: string[],
  sizes: Map<string, number>,
): Checkpoint {
  const tensors: CheckpointTensor[] = table.tensors.map((tensor) => {
    const { rows, cols, reshaped } = matrixShapeOf(tensor.data.shape);
    const result: CheckpointTensor = { ...tensor, rows, cols, bytes: tensor.data.byteLength };
    if (reshaped) result.reshaped = reshaped;
    return result;
  });
  const files = [...sizes]
    .map(([file, size]) => ({ name: file, size }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { name, format, files, tensors, metadata: table.metadata, notes };
}

/** One table from several files; a tensor name in two files is refused. */
function mergeTables(tables: Map<string, FileTable>, format: CheckpointFormat): FileTable {
  const tensors: TensorEntry[] = [];
  const metadata: Record<string, string> = {};
  const notes: string[] = [];
  const owner = new Map<string, string>();
  for (const [file, table] of tables) {
    for (const tensor of table.tensors) {
      const previous = owner.get(tensor.name);
      if (previous !== undefined) {
        throw new FormatError(
          `tensor ${JSON.stringify(tensor.name)} appears in both ${previous} and ${file}`,
          { file },
        );
      }
      owner.set(tensor.name, file);
      tensors.push(tensor);
    }
    for (const [key, value] of Object.entries(table.metadata)) {
      // Shards of one model repeat their metadata; keep the first of each key.
      if (!Object.hasOwn(metadata, key)) metadata[key] = value;
    }
    notes.push(...table.notes.map((note) => (tables.size > 1 ? `${file}: ${note}` : note)));
  }
  if (format === 'npy' && tables.size > 1)
    notes.push(`${tables.size} .npy files read as one checkpoint`);
  return { tensors, metadata, notes };
}

async function readFileTable(
  source: ByteSource,
  name: string,
  format: CheckpointFormat,
): Promise<FileTable> {
  switch (format) {
    case 'safetensors': {
      const header = await readSafetensorsHeader(source, name);
      return {
        tensors: safetensorsTensorEntries(header, name),
        metadata: header.metadata,
        notes: [],
      };
    }
    case 'npy': {
      const header = await readNpyHeader(source, {
        file: name,
        maxEntries: Number.MAX_SAFE_INTEGER,
      });
      const stem = baseName(name).replace(/\.npy$/i, '');
      return {
        tensors: [
          {
            name: stem,
            dtype: header.dtype,
            data: {
              file: name,
              byteOffset: header.dataStart,
              byteLength: source.size - header.dataStart,
              shape: header.shape,
              encoding: {
                kind: 'elements',
                element: header.element,
                order: header.fortranOrder ? 'F' : 'C',
              },
            },
          },
        ],
        metadata: {},
        notes: [],
      };
    }
    case 'npz':
      return {
        tensors: await readNpzEntries(source, name, { maxEntries: Number.MAX_SAFE_INTEGER }),
        metadata: {},
        notes: [],
      };
    case 'gguf': {
      const header = await readGgufHeader(source, name);
      return { tensors: header.tensors, metadata: header.metadata, notes: [] };
    }
    case 'pytorch': {
      const checkpoint = await readPytorchCheckpoint(source, name);
      return { tensors: checkpoint.tensors, metadata: {}, notes: checkpoint.notes };
    }
    case 'onnx': {
      const model = await readOnnxInitializers(source, name);
      return { tensors: model.tensors, metadata: {}, notes: model.notes };
    }
  }
}

function baseName(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1);
}

/** The format of one file, by its first bytes where they tell, else by its extension. */
async function detectFormat(source: ByteSource, name: string): Promise<CheckpointFormat> {
  const prefix = await readExactly(source, 0, Math.min(source.size, 9), name);
  const text = String.fromCharCode(...prefix.subarray(0, 6));
  if (text.startsWith('GGUF')) return 'gguf';
  if (text === '\x93NUMPY') return 'npy';
  if (looksLikeZip(prefix)) {
    if (/\.npz$/i.test(name)) return 'npz';
    const directory = await readZipDirectory(source, name);
    if (directory.members.some((member) => /^[^/]+\/data\.pkl$/.test(member.name)))
      return 'pytorch';
    if (
      directory.members.length > 0 &&
      directory.members.every((member) => member.name.endsWith('.npy'))
    )
      return 'npz';
    throw new FormatError(
      'this zip archive is neither a PyTorch checkpoint nor an .npz of arrays',
      { file: name, byteOffset: 0 },
    );
  }
  const named = checkpointFormatByName(name);
  if (named) return named;
  // A safetensors file under another name: an 8-byte header length, then '{'.
  if (prefix.length === 9 && prefix[8] === 0x7b) return 'safetensors';
  throw new FormatError(
    'this is not a checkpoint format Rankscope reads (safetensors, .npy, .npz, GGUF, PyTorch, ONNX)',
    { file: name, byteOffset: 0 },
  );
}

interface ShardIndex {
  format: CheckpointFormat;
  /** Tensor name → shard file name (relative to the index's folder). */
  weightMap: Map<string, string>;
}

/** A Hugging Face shard index: {"metadata": …, "weight_map": {tensor: shard file}}. */
async function readShardIndex(
  source: ByteSource,
  name: string,
  options: OpenCheckpointOptions,
): Promise<ShardIndex> {
  const limit = options.maxIndexBytes ?? 64 * 1024 * 1024;
  const fail = (reason: string, byteOffset?: number): never => {
    throw new FormatError(reason, { file: name, byteOffset });
  };
  if (source.size > limit)
    fail(`the index has ${source.size} bytes, more than the limit of ${limit}`, 0);
  let parsed: unknown;
  try {
    parsed = JSON.parse(
      new TextDecoder('utf-8', { fatal: true }).decode(
        await readExactly(source, 0, source.size, name),
      ),
    );
  } catch (error) {
    if (error instanceof FormatError) throw error;
    return fail(`the index is not valid JSON (${(error as Error).message})`, 0);
  }
  const map = (parsed as { weight_map?: unknown } | null)?.weight_map;
  if (map === null || typeof map !== 'object' || Array.isArray(map))
    return fail('the index has no "weight_map" object', 0);
  const folder = name.includes('/') ? name.slice(0, name.lastIndexOf('/') + 1) : '';
  const weightMap = new Map<string, string>();
  let format: CheckpointFormat | undefined;
  for (const [tensor, file] of Object.entries(map as Record<string, unknown>)) {
    if (typeof file !== 'string')
      fail(`the weight_map entry of ${JSON.stringify(tensor)} is not a file name`);
    const problem = checkRelativeFileName(file as string);
    if (problem)
      fail(
        `the shard ${JSON.stringify(file)} of tensor ${JSON.stringify(tensor)} is refused: ${problem}`,
      );
    const shardFormat = /\.safetensors$/i.test(file as string)
      ? 'safetensors'
      : /\.(bin|pt|pth)$/i.test(file as string)
        ? 'pytorch'
        : undefined;
    if (!shardFormat)
      fail(`the shard ${JSON.stringify(file)} is neither .safetensors nor a PyTorch .bin`);
    if (format && shardFormat !== format) fail('the index mixes safetensors and PyTorch shards');
    format = shardFormat;
    weightMap.set(tensor, folder + (file as string));
  }
  if (!format) return fail('the index names no shards', 0);
  return { format, weightMap };
}

/** Which files of a folder make the checkpoint: an index, or every file of the most specific format. */
function chooseFolderFiles(names: string[]): {
  index?: string;
  format: CheckpointFormat;
  files: string[];
  notes: string[];
} {
  const sorted = [...names].sort();
  const indexes = sorted.filter((name) => /\.(safetensors|bin)\.index\.json$/i.test(name));
  if (indexes.length > 0) {
    // A repository shipping both prefers safetensors, as transformers does.
    const index = indexes.find((name) => /safetensors/i.test(name)) ?? indexes[0];
    return { index, format: 'safetensors', files: [], notes: [] };
  }
  // ONNX before PyTorch: a model's external data is often a ".bin" beside it.
  const priority: CheckpointFormat[] = ['safetensors', 'gguf', 'onnx', 'pytorch', 'npz', 'npy'];
  for (const format of priority) {
    const files = sorted.filter((name) => checkpointFormatByName(name) === format);
    if (files.length === 0) continue;
    const others = sorted.filter(
      (name) => !files.includes(name) && checkpointFormatByName(name) !== undefined,
    );
    const notes =
      others.length > 0 ? [`read the ${format} files; passed over ${others.join(', ')}`] : [];
    if (format === 'pytorch' || format === 'onnx') {
      if (files.length > 1) {
        throw new FormatError(
          `the folder holds ${files.length} ${format} files (${files.join(', ')}) and no index: choose one`,
        );
      }
    }
    return { format, files, notes };
  }
  throw new FormatError(
    'the folder holds no checkpoint file (safetensors, .npy, .npz, GGUF, PyTorch, ONNX)',
  );
}
