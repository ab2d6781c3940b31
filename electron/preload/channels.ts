// IPC channel names, shared by the preload and main's ipc.ts.
export const ipcChannels = {
  /** Every HostApi method travels as { method, args, jobId } on this one channel. */
  call: 'rankscope:call',
  progress: 'rankscope:progress',
} as const;

/** Main → page: a menu command ('new', 'open', 'save', 'save-as', 'revert', 'undo', 'redo'). */
export const menuChannel = 'rankscope:menu';
