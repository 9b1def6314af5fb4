/**
 * What a window (Electron IPC) or a browser (the loopback server) talks to: the core, until a first
 * start chooses "join a club's front desk" — then the station's link to its host (issue 15); and
 * back to a core when a standby station is promoted to host. The windows' change listeners stay
 * subscribed across the switch.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ChangeEvent } from '../core/app';
import { DB_FILE } from '../core/db/database';
import type { Backend } from './server';

export class Switchable implements Backend {
  private readonly listeners = new Set<(e: ChangeEvent) => void>();
  private unsubscribe: () => void;
  constructor(private target: Backend) {
    this.unsubscribe = target.onChange((e) => this.emit(e));
  }
  private emit(e: ChangeEvent): void {
    for (const l of this.listeners) l(e);
  }
  call: Backend['call'] = (sessionId, op, args, client) => this.target.call(sessionId, op, args, client);
  loggedIn = (sessionId: string) => this.target.loggedIn(sessionId);
  endSession = (sessionId: string) => this.target.endSession(sessionId);
  onChange(listener: (e: ChangeEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  switchTo(b: Backend): void {
    if (b === this.target) return;
    this.unsubscribe();
    this.target = b;
    this.unsubscribe = b.onChange((e) => this.emit(e));
  }
}

/** A first start that became a station: its core is closed; the empty club database goes. */
export function removeClubDatabase(dataDir: string): void {
  for (const f of [DB_FILE, `${DB_FILE}-wal`, `${DB_FILE}-shm`])
    fs.rmSync(path.join(dataDir, f), { force: true });
}
