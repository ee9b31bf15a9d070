import { hostname } from 'node:os';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { runUnitOfWork } from '../../common/database/unit-of-work';
import type { PeriodicJob } from '../../sdk/plugin';
import { RequestContext } from '../../sdk/request-context';
import { ROOT_ENTITY_ID } from '../entities/entity-node.entity';
import { JobRun } from './job-run.entity';

export const WORKER_NAME = `${hostname()}:${process.pid}`;

/** Runs one tick of a periodic job as the system principal and records it in job_runs. */
@Injectable()
export class JobRunner {
  private readonly logger = new Logger('Jobs');

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  run(name: string, tick: string, job: PeriodicJob): Promise<void> {
    return runUnitOfWork(() => this.runAndRecord(name, tick, job));
  }

  private async runAndRecord(name: string, tick: string, job: PeriodicJob): Promise<void> {
    const repo = this.dataSource.getRepository(JobRun);
    const row = await repo.save(repo.create({ name, tick, startedAt: new Date(), finishedAt: null, status: 'running', message: null, worker: WORKER_NAME }));
    try {
      const message = await job.run(RequestContext.system({ id: ROOT_ENTITY_ID, path: `/${ROOT_ENTITY_ID}/` }));
      await repo.update(row.id, { status: 'ok', finishedAt: new Date(), message: message ? message.slice(0, 2000) : null });
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      this.logger.error(`Periodic job ${name} failed: ${message}`);
      await repo.update(row.id, { status: 'failed', finishedAt: new Date(), message: message.slice(0, 2000) });
    }
  }
}
