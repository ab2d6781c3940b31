// What Electron was started with: `electron . a.csv b.rankscope --memory-budget 4GiB` in
// development, `Rankscope a.csv` packaged. Files are the arguments that are not options;
// Chromium's own switches (--foo, --foo=bar) are never taken for files.
export interface LaunchArguments {
  files: string[];
  memoryBudget?: string;
  timeBudget?: string;
}

export function launchArguments(argv: readonly string[], packaged: boolean): LaunchArguments {
  // Packaged: [app, …]; development: [electron, appPath, …].
  const rest = argv.slice(packaged ? 1 : 2);
  const result: LaunchArguments = { files: [] };
  for (let k = 0; k < rest.length; k++) {
    const argument = rest[k];
    if (argument === '--memory-budget' || argument === '--time-budget') {
      const value = rest[++k];
      if (value === undefined) break;
      if (argument === '--memory-budget') result.memoryBudget = value;
      else result.timeBudget = value;
    } else if (argument === '--') {
      result.files.push(...rest.slice(k + 1));
      break;
    } else if (!argument.startsWith('-')) result.files.push(argument);
  }
  return result;
}
