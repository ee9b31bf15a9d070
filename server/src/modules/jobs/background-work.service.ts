import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { AppConfig } from '../../common/config/config';
import { APP_CONFIG } from '../../common/config/config.module';
import { runUnitOfWork } from '../../common/database/unit-of-work';
import { QueueService } from '../../common/queue/queue.service';
import { Contributions } from '../../plugin-host/contributions';
import type { PeriodicJob, QueueProcessor } from '../../sdk/plugin';
import { JobRunner } from './job-runner';

/**
 * In processes whose ROLE runs workers (all, worker), starts a consumer for every declared queue and schedules
 * every periodic job. API-only processes only produce jobs.
 */
@Injectable()
export class BackgroundWorkService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queue: QueueService,
    private readonly contributions: Contributions,
    private readonly runner: JobRunner,
    private readonly moduleRef: ModuleRef,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.role === 'api') return;
    for (const q of this.contributions.queues) {
      const processor = this.moduleRef.get<QueueProcessor>(q.handler, { strict: false });
      this.queue.consume(q.name, (data, job) => runUnitOfWork(() => processor.process(data, job)), { concurrency: q.concurrency ?? 1, attempts: q.attempts ?? 3 });
    }
    for (const j of this.contributions.periodicJobs) {
      const job = this.moduleRef.get<PeriodicJob>(j.handler, { strict: false });
      await this.queue.schedule(j.name, j.everySeconds * 1000, (tick) => this.runner.run(j.name, tick, job));
    }
    await this.queue.pruneSchedules(this.contributions.periodicJobs.map((j) => j.name));
    this.logger.log(`Worker started: ${this.contributions.queues.length} queues, ${this.contributions.periodicJobs.length} periodic jobs on ${this.queue.driver}`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}
