// A one-line progress bar on stderr for long runs; silent when stderr is not a terminal,
// so scripts that capture output get only the result.
export class ProgressBar {
  private lastDraw = 0;
  private readonly enabled: boolean;

  constructor(private readonly total: number) {
    this.enabled = Boolean(process.stderr.isTTY) && total > 1;
  }

  update(done: number, label: string, fraction = 0): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.lastDraw < 100 && fraction < 1) return;
    this.lastDraw = now;
    const overall = Math.min(1, (done + fraction) / this.total);
    const width = 24;
    const filled = Math.round(overall * width);
    const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
    process.stderr.write(`\r${bar} ${done}/${this.total} ${label.slice(0, 40).padEnd(40)}`);
  }

  finish(): void {
    if (this.enabled) process.stderr.write('\r' + ' '.repeat(80) + '\r');
  }
}
