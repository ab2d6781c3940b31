// A restricted unpickler (Python's pickle, protocols 2–5, as pickletools documents it) that never
// executes anything: globals become inert names, REDUCE / NEWOBJ / BUILD on them record inert
// objects, and only the callables a caller lists (e.g. PyTorch's tensor rebuilders) produce a value
// through a function the caller gives. Python dicts are lists of pairs, not JS objects, so no key
// can reach a prototype. Text opcodes of protocols 0–1, extensions and out-of-band buffers are
// refused. Every length is checked against the bytes left. Cost O(bytes).
import { FormatError } from './format-error';

export type PickleValue =
  | null
  | boolean
  | number
  | bigint
  | string
  | Uint8Array
  | PickleList
  | PickleTuple
  | PickleDict
  | PickleSet
  | PickleGlobal
  | PickleObject
  | PickleCustom;

export interface PickleList {
  kind: 'list';
  items: PickleValue[];
}
export interface PickleTuple {
  kind: 'tuple';
  items: readonly PickleValue[];
}
export interface PickleDict {
  kind: 'dict';
  /** Insertion order, as Python keeps it. */
  entries: [PickleValue, PickleValue][];
}
export interface PickleSet {
  kind: 'set';
  items: PickleValue[];
}
/** A module-level name the pickle refers to, never looked up or called. */
export interface PickleGlobal {
  kind: 'global';
  module: string;
  name: string;
}
/** What calling or instantiating an unknown global would have made, kept as data. */
export interface PickleObject {
  kind: 'object';
  type: string;
  args: readonly PickleValue[];
  /** The state BUILD gave it, if any. */
  state?: PickleValue;
}
/** A value made by one of the caller's allowed callables. */
export interface PickleCustom {
  kind: 'custom';
  value: unknown;
}

export interface UnpickleOptions {
  fileName?: string;
  /** Absolute offset of the pickle in its file, for messages. */
  byteOffset?: number;
  /** Callables by "module.name" that may turn their arguments into a value. */
  calls?: ReadonlyMap<
    string,
    (args: readonly PickleValue[], fail: (reason: string) => never) => PickleValue
  >;
  /** Resolves a persistent id (PyTorch: a storage); absent: persistent ids are refused. */
  persistentLoad?: (id: PickleValue, fail: (reason: string) => never) => PickleValue;
}

const markToken = Symbol('mark');
type StackItem = PickleValue | typeof markToken;
const utf8 = new TextDecoder('utf-8', { fatal: true });
const latin1 = new TextDecoder('latin1');

export function unpickle(bytes: Uint8Array, options: UnpickleOptions = {}): PickleValue {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const base = options.byteOffset ?? 0;
  let at = 0;
  let opcodeAt = 0;
  const fail = (reason: string): never => {
    throw new FormatError(`the pickle ${reason}`, {
      file: options.fileName,
      byteOffset: base + opcodeAt,
    });
  };
  const need = (length: number): number => {
    if (!Number.isSafeInteger(length) || length < 0 || at + length > bytes.length) {
      fail(`needs ${length} bytes at opcode 0x${bytes[opcodeAt]?.toString(16)}, past its end`);
    }
    const start = at;
    at += length;
    return start;
  };
  const stack: StackItem[] = [];
  const memo = new Map<number, PickleValue>();

  const pop = (): PickleValue => {
    const value = stack.pop();
    if (value === undefined) return fail('pops from an empty stack');
    if (value === markToken) return fail('pops a mark as a value');
    return value as PickleValue;
  };
  const top = (): PickleValue => {
    const value = stack[stack.length - 1];
    if (value === undefined || value === markToken) return fail('has no value on the stack here');
    return value as PickleValue;
  };
  const popToMark = (): PickleValue[] => {
    const mark = stack.lastIndexOf(markToken);
    if (mark < 0) fail('has no mark to pop to');
    const items = stack.splice(mark) as PickleValue[];
    items.shift();
    return items;
  };
  const text = (start: number, length: number, decoder = utf8): string => {
    try {
      return decoder.decode(bytes.subarray(start, start + length));
    } catch {
      return fail('holds text that is not valid UTF-8');
    }
  };
  const call = (callable: PickleValue, args: readonly PickleValue[]): PickleValue => {
    if (isKind(callable, 'global')) {
      const qualified = `${callable.module}.${callable.name}`;
      const known = options.calls?.get(qualified);
      if (known) return known(args, (reason) => fail(`${qualified}: ${reason}`));
      return { kind: 'object', type: qualified, args };
    }
    return { kind: 'object', type: 'unknown', args };
  };
  const argumentsOf = (value: PickleValue): readonly PickleValue[] =>
    isKind(value, 'tuple') ? value.items : fail('passes arguments that are not a tuple');

  while (at < bytes.length) {
    opcodeAt = at;
    const opcode = bytes[at++];
    switch (opcode) {
      case 0x80: // PROTO
        if (bytes[need(1)] > 5) fail(`uses protocol ${bytes[at - 1]}, newer than 5`);
        break;
      case 0x95: // FRAME: a length hint only
        need(8);
        break;
      case 0x2e: {
        // STOP
        const result = pop();
        return result;
      }
      case 0x28: // MARK
        stack.push(markToken);
        break;
      case 0x30: // POP
        if (stack.pop() === undefined) fail('pops from an empty stack');
        break;
      case 0x31: // POP_MARK
        popToMark();
        break;
      case 0x32: // DUP
        stack.push(top());
        break;
      case 0x4e: // NONE
        stack.push(null);
        break;
      case 0x88: // NEWTRUE
        stack.push(true);
        break;
      case 0x89: // NEWFALSE
        stack.push(false);
        break;
      case 0x4a: // BININT
        stack.push(view.getInt32(need(4), true));
        break;
      case 0x4b: // BININT1
        stack.push(bytes[need(1)]);
        break;
      case 0x4d: // BININT2
        stack.push(view.getUint16(need(2), true));
        break;
      case 0x8a: // LONG1
      case 0x8b: {
        // LONG4
        const length = opcode === 0x8a ? bytes[need(1)] : view.getUint32(need(4), true);
        if (length > 64) fail(`holds a ${length}-byte integer, larger than any size`);
        stack.push(littleEndianInteger(bytes.subarray(need(length), at)));
        break;
      }
      case 0x47: // BINFLOAT (big-endian)
        stack.push(view.getFloat64(need(8), false));
        break;
      case 0x58: {
        // BINUNICODE
        const length = view.getUint32(need(4), true);
        stack.push(text(need(length), length));
        break;
      }
      case 0x8c: {
        // SHORT_BINUNICODE
        const length = bytes[need(1)];
        stack.push(text(need(length), length));
        break;
      }
      case 0x8d: {
        // BINUNICODE8
        const length = unsigned64(view, need(8));
        stack.push(text(need(length), length));
        break;
      }
      case 0x54: // BINSTRING (Python 2 str, read as latin-1)
      case 0x55: {
        // SHORT_BINSTRING
        const length = opcode === 0x55 ? bytes[need(1)] : view.getInt32(need(4), true);
        stack.push(text(need(length), length, latin1));
        break;
      }
      case 0x42: // BINBYTES
      case 0x43: // SHORT_BINBYTES
      case 0x8e: // BINBYTES8
      case 0x96: {
        // BYTEARRAY8
        const length =
          opcode === 0x43
            ? bytes[need(1)]
            : opcode === 0x42
              ? view.getUint32(need(4), true)
              : unsigned64(view, need(8));
        stack.push(bytes.slice(need(length), at));
        break;
      }
      case 0x29: // EMPTY_TUPLE
        stack.push({ kind: 'tuple', items: [] });
        break;
      case 0x74: // TUPLE
        stack.push({ kind: 'tuple', items: popToMark() });
        break;
      case 0x85: // TUPLE1
      case 0x86: // TUPLE2
      case 0x87: {
        // TUPLE3
        const count = opcode - 0x84;
        const items: PickleValue[] = [];
        for (let k = 0; k < count; k++) items.unshift(pop());
        stack.push({ kind: 'tuple', items });
        break;
      }
      case 0x5d: // EMPTY_LIST
        stack.push({ kind: 'list', items: [] });
        break;
      case 0x6c: // LIST
        stack.push({ kind: 'list', items: popToMark() });
        break;
      case 0x61: {
        // APPEND
        const value = pop();
        const list = top();
        if (!isKind(list, 'list')) fail('appends to something that is not a list');
        (list as PickleList).items.push(value);
        break;
      }
      case 0x65: {
        // APPENDS
        const values = popToMark();
        const list = top();
        if (!isKind(list, 'list')) fail('appends to something that is not a list');
        for (const value of values) (list as PickleList).items.push(value);
        break;
      }
      case 0x7d: // EMPTY_DICT
        stack.push({ kind: 'dict', entries: [] });
        break;
      case 0x64: {
        // DICT
        const items = popToMark();
        if (items.length % 2 !== 0) fail('builds a dict from an odd number of items');
        const entries: [PickleValue, PickleValue][] = [];
        for (let k = 0; k < items.length; k += 2) entries.push([items[k], items[k + 1]]);
        stack.push({ kind: 'dict', entries });
        break;
      }
      case 0x73: {
        // SETITEM
        const value = pop();
        const key = pop();
        const dict = top();
        if (!isKind(dict, 'dict')) fail('sets an item on something that is not a dict');
        (dict as PickleDict).entries.push([key, value]);
        break;
      }
      case 0x75: {
        // SETITEMS
        const items = popToMark();
        const dict = top();
        if (!isKind(dict, 'dict') || items.length % 2 !== 0)
          fail('sets items on something that is not a dict');
        for (let k = 0; k < items.length; k += 2)
          (dict as PickleDict).entries.push([items[k], items[k + 1]]);
        break;
      }
      case 0x8f: // EMPTY_SET
        stack.push({ kind: 'set', items: [] });
        break;
      case 0x90: {
        // ADDITEMS
        const items = popToMark();
        const set = top();
        if (!isKind(set, 'set')) fail('adds items to something that is not a set');
        for (const item of items) (set as PickleSet).items.push(item);
        break;
      }
      case 0x91: // FROZENSET
        stack.push({ kind: 'set', items: popToMark() });
        break;
      case 0x71: // BINPUT
      case 0x72: {
        // LONG_BINPUT
        const index = opcode === 0x71 ? bytes[need(1)] : view.getUint32(need(4), true);
        memo.set(index, top());
        break;
      }
      case 0x94: // MEMOIZE
        memo.set(memo.size, top());
        break;
      case 0x68: // BINGET
      case 0x6a: {
        // LONG_BINGET
        const index = opcode === 0x68 ? bytes[need(1)] : view.getUint32(need(4), true);
        if (!memo.has(index)) fail(`reads memo entry ${index}, which was never stored`);
        stack.push(memo.get(index)!);
        break;
      }
      case 0x63: {
        // GLOBAL "module\nname\n"
        const module = line(bytes, at, fail);
        at += module.length + 1;
        const name = line(bytes, at, fail);
        at += name.length + 1;
        stack.push({ kind: 'global', module, name });
        break;
      }
      case 0x93: {
        // STACK_GLOBAL
        const name = pop();
        const module = pop();
        if (typeof module !== 'string' || typeof name !== 'string')
          fail('names a global with something other than text');
        stack.push({ kind: 'global', module: module as string, name: name as string });
        break;
      }
      case 0x52: {
        // REDUCE: callable(*args), done only for the caller's allowed callables
        const args = argumentsOf(pop());
        stack.push(call(pop(), args));
        break;
      }
      case 0x81: {
        // NEWOBJ: cls.__new__(cls, *args), kept as an inert object
        const args = argumentsOf(pop());
        const type = pop();
        stack.push({
          kind: 'object',
          type: isKind(type, 'global') ? `${type.module}.${type.name}` : 'unknown',
          args,
        });
        break;
      }
      case 0x92: {
        // NEWOBJ_EX
        pop();
        const args = argumentsOf(pop());
        const type = pop();
        stack.push({
          kind: 'object',
          type: isKind(type, 'global') ? `${type.module}.${type.name}` : 'unknown',
          args,
        });
        break;
      }
      case 0x62: {
        // BUILD: obj.__setstate__(state) — recorded, never run
        const state = pop();
        const target = top();
        if (isKind(target, 'object')) (target as PickleObject).state = state;
        break;
      }
      case 0x51: {
        // BINPERSID
        const id = pop();
        if (!options.persistentLoad)
          fail('refers to outside data (a persistent id) where none is expected');
        stack.push(options.persistentLoad!(id, (reason) => fail(reason)));
        break;
      }
      default:
        fail(
          `uses opcode 0x${opcode.toString(16).padStart(2, '0')}, which this reader does not run (only protocols 2–5 without extensions)`,
        );
    }
  }
  opcodeAt = bytes.length;
  return fail('ends without a STOP opcode');
}

export function isKind<K extends string>(
  value: unknown,
  kind: K,
): value is Extract<PickleValue, { kind: K }> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !(value instanceof Uint8Array) &&
    (value as { kind?: unknown }).kind === kind
  );
}

function line(bytes: Uint8Array, start: number, fail: (reason: string) => never): string {
  const end = bytes.indexOf(0x0a, start);
  if (end < 0 || end - start > 1024) fail('names a global without an end of line');
  const text = latin1.decode(bytes.subarray(start, end));
  if (!/^[\w.<>]+$/.test(text))
    fail(`names a global ${JSON.stringify(text.slice(0, 40))} that is not a Python name`);
  return text;
}

function unsigned64(view: DataView, at: number): number {
  const value = view.getUint32(at, true) + view.getUint32(at + 4, true) * 2 ** 32;
  return Number.isSafeInteger(value) ? value : Number.MAX_SAFE_INTEGER;
}

/** A two's-complement little-endian integer: a number when it is safe, a bigint otherwise. */
function littleEndianInteger(bytes: Uint8Array): number | bigint {
  if (bytes.length === 0) return 0;
  let value = 0n;
  for (let k = bytes.length - 1; k >= 0; k--) value = (value << 8n) | BigInt(bytes[k]);
  if (bytes[bytes.length - 1] & 0x80) value -= 1n << BigInt(8 * bytes.length);
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(value)
    : value;
}
