import type { JobProgress } from '../../contract/jobs.js';

export interface ProgressUpdate {
  phase: string;
  current: number;
  total?: number | null;
}

/**
 * Turns a stream of raw progress calls into at most one emission per interval, with an ETA from the
 * rate measured since the current phase began. The last update is never lost: flush() emits it.
 */
export class ProgressThrottle {
  private phase = '';
  private phaseStart = 0;
  private phaseStartValue = 0;
  private lastEmit = -Infinity;
  private pending: JobProgress | null = null;

  constructor(
    private readonly intervalMs: number,
    private readonly emit: (progress: JobProgress) => void,
    private readonly now: () => number = () => Date.now(),
  ) {}

  update(update: ProgressUpdate): void {
    const t = this.now();
    if (update.phase !== this.phase) {
      this.phase = update.phase;
      this.phaseStart = t;
      this.phaseStartValue = update.current;
      this.lastEmit = -Infinity; // a new phase is always shown at once
    }
    const total = update.total ?? null;
    this.pending = { phase: update.phase, current: update.current, total, etaSeconds: this.eta(t, update.current, total) };
    if (t - this.lastEmit >= this.intervalMs) this.flush();
  }

  flush(): void {
    if (!this.pending) return;
    this.lastEmit = this.now();
    const p = this.pending;
    this.pending = null;
    this.emit(p);
  }

  private eta(t: number, current: number, total: number | null): number | null {
    const elapsed = (t - this.phaseStart) / 1000;
    const done = current - this.phaseStartValue;
    if (total === null || elapsed <= 0 || done <= 0) return null;
    return Math.max(0, ((total - current) * elapsed) / done);
  }
}
