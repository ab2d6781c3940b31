// The files the matrix loader reads, by extension: a module of its own so that dialogs and the
// page can list them without the readers.
import { textFileExtensions } from './text-formats';

export const matrixFileExtensions = [...textFileExtensions, '.mtx', '.npy', '.safetensors'];
