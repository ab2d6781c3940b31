// IPC channel names, shared by the preload and main's ipc.ts.
export const ipcChannels = {
  info: 'rankscope:info',
  compute: 'rankscope:compute',
  cancel: 'rankscope:cancel',
  progress: 'rankscope:progress',
} as const;
