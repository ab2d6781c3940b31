// How the compute pool lends idle workers to a running job as helper threads (a thread team,
// core/linalg/threads): one control block in shared memory for the team, one MessageChannel per
// helper for the job's WebAssembly memories. The pool recalls its helpers when another job
// queues, dismisses them when the job's own worker dies, and tells the job when a helper died,
// so a crash costs that job only.
import { MessageChannel, type MessagePort, type Worker } from 'node:worker_threads';
import {
  controlBytes,
  controlWordsOf,
  word,
  command,
} from '../../core/linalg/threads/team-protocol';

/** Pool → the job's worker, just before its 'run': the helpers it may use for that job. */
export interface TeamMessage {
  type: 'team';
  control: SharedArrayBuffer;
  ports: MessagePort[];
}

/** Pool → a lent worker: help the team with piece `part` until dismissed. */
export interface AssistMessage {
  type: 'assist';
  control: SharedArrayBuffer;
  port: MessagePort;
  part: number;
}

/** A lent worker → pool: dismissed, free again. */
export interface AssistedMessage {
  type: 'assisted';
}

export class Loan {
  private readonly words: Int32Array;

  constructor(readonly control: SharedArrayBuffer) {
    this.words = controlWordsOf(control);
  }

  /** Asks the job to give its helpers back at its next split (it goes on alone). */
  recall(): void {
    Atomics.store(this.words, word.recalled, 1);
  }

  /** The job's worker is gone: wakes the helpers with a dismissal. */
  dismiss(): void {
    this.words[word.command] = command.dismiss;
    Atomics.add(this.words, word.generation, 1);
    Atomics.notify(this.words, word.generation);
  }

  /** A helper died: the job's worker stops waiting for it and fails the job. */
  helperLost(): void {
    Atomics.store(this.words, word.helperLost, 1);
    Atomics.notify(this.words, word.pending);
  }
}

/**
 * Lends `helpers` to the job about to run on `leader`: each helper gets 'assist' (its piece and
 * channel end), the leader gets 'team' (the other ends). Send before the job's 'run' message.
 */
export function lendHelpers(leader: Worker, helpers: Worker[]): Loan {
  const control = new SharedArrayBuffer(controlBytes);
  const ports: MessagePort[] = [];
  helpers.forEach((helper, index) => {
    const channel = new MessageChannel();
    ports.push(channel.port1);
    const assist: AssistMessage = { type: 'assist', control, port: channel.port2, part: index + 1 };
    helper.postMessage(assist, [channel.port2]);
  });
  const team: TeamMessage = { type: 'team', control, ports };
  leader.postMessage(team, ports);
  return new Loan(control);
}
