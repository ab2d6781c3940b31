// Sizes and durations as a person reads them in refusals, progress lines and notes ("1.5 GiB",
// "82 minutes"). Every layer words them the same way, so this file sits under all of core.

/** Bytes in binary units, to one decimal place where it matters ("12 bytes", "1.5 GiB"). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${+(bytes / 1024 ** 3).toFixed(1)} GiB`;
  if (bytes >= 1024 ** 2) return `${+(bytes / 1024 ** 2).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}

/** A duration in the unit a person would use: seconds under 1.5 minutes, then minutes, hours. */
export function formatSeconds(seconds: number): string {
  if (seconds < 90) return `${Math.max(1, Math.round(seconds))} s`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} minutes`;
  return `${(seconds / 3600).toFixed(1)} hours`;
}
