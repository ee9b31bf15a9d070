import { Module } from '@nestjs/common';
import { BackgroundWorkService } from './background-work.service';
import { HousekeepingJob } from './housekeeping.job';
import { JobRunner } from './job-runner';
import { JobRunsController } from './job-runs.controller';

@Module({ controllers: [JobRunsController], providers: [JobRunner, BackgroundWorkService, HousekeepingJob] })
export class JobsModule {}
