import { Injectable, Logger } from '@nestjs/common';

/**
 * What changed on some computers, for whoever keeps derived data (group membership): inventory sections
 * (`computer`, `software`, `networks`, …), `contact` (the inventory dates), `agent`, `entity` (moved), or `all`
 * (a new computer).
 */
export interface ComputerChange {
  computerIds: number[];
  sections: readonly string[] | 'all';
}

export type ComputerChangeListener = (change: ComputerChange) => Promise<void>;

/**
 * A small in-process notification point, so that modules deriving data from computers (groups) hear about
 * changes without the intake or the computers module depending on them. Listeners run in turn and are awaited:
 * the caller's answer reflects the derived data. A failing listener is logged, never fails the change itself.
 */
@Injectable()
export class ComputerChanges {
  private readonly logger = new Logger('ComputerChanges');
  private readonly listeners: ComputerChangeListener[] = [];

  subscribe(listener: ComputerChangeListener): void {
    this.listeners.push(listener);
  }

  async notify(change: ComputerChange): Promise<void> {
    if (!change.computerIds.length) return;
    for (const listener of this.listeners) {
      try {
        await listener(change);
      } catch (error) {
        this.logger.error(`A listener failed on a change of ${change.computerIds.length} computer(s): ${(error as Error).stack ?? error}`);
      }
    }
  }
}
