// The interactive figures' scripts, built by scripts/interactive-runtime.ts (the vite plugin in
// electron.vite.config.ts) when first imported: `await import('virtual:rankscope-interactive-runtime/scree')`.
declare module 'virtual:rankscope-interactive-runtime/*' {
  const script: string;
  export default script;
}
