import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, LessThan } from 'typeorm';
import type { PeriodicJob } from '../../sdk/plugin';
import { Session } from '../auth/session.entity';
import { JobRun } from './job-run.entity';

/** A run still marked running after this long belongs to a process that died: it gets a final state. */
export const ABANDONED_RUN_AFTER_MS = 6 * 3_600_000;
const RUN_HISTORY_DAYS = 30;

/** Core clean-up: expired sessions, run history, and runs left "running" by a crashed worker. */
@Injectable()
export class HousekeepingJob implements PeriodicJob {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async run(): Promise<string> {
    const now = Date.now();
    const sessions = await this.dataSource.getRepository(Session).delete({ expiresAt: LessThan(new Date(now)) });
    const abandoned = await this.dataSource
      .getRepository(JobRun)
      .update({ status: 'running', startedAt: LessThan(new Date(now - ABANDONED_RUN_AFTER_MS)) }, { status: 'failed', finishedAt: new Date(now), message: 'Abandoned: the worker stopped before the run finished' });
    const history = await this.dataSource.getRepository(JobRun).delete({ startedAt: LessThan(new Date(now - RUN_HISTORY_DAYS * 86_400_000)) });
    return `${sessions.affected ?? 0} expired sessions, ${abandoned.affected ?? 0} abandoned runs, ${history.affected ?? 0} old runs removed`;
  }
}
