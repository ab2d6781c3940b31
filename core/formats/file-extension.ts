// A file name's extension as the readers compare it: the last ".xyz" of the name, lower case.

/** ".csv" for "Data.CSV", "" for a name without one (a folder's separators never count). */
export function fileExtension(name: string): string {
  return /\.[^./\\]+$/.exec(name)?.[0].toLowerCase() ?? '';
}
