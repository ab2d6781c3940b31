// One strict Content-Security-Policy for every host: scripts and styles only from the app,
// no eval, no plugins, no framing; the web host additionally allows its own socket. WebAssembly
// may be compiled ('wasm-unsafe-eval' allows that and nothing else): the linear-algebra kernels.
export function contentSecurityPolicy(options: { socketPort?: number } = {}): string {
  const connect = ["'self'"];
  if (options.socketPort)
    connect.push(`ws://127.0.0.1:${options.socketPort}`, `ws://localhost:${options.socketPort}`);
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${connect.join(' ')}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
