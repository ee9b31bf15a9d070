import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { JobRunView } from '@parc/contracts';
import { IsOptional, IsString, Matches } from 'class-validator';
import { ListQueryDto } from '../../../common/http/list-query.dto';
import type { JobRun } from '../job-run.entity';

export class ListJobRunsQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ example: 'core.housekeeping' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z][a-z0-9_.-]{0,99}$/, { message: 'name must be a periodic job name' })
  name?: string;
}

export class JobRunViewDto implements JobRunView {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty() tick: string;
  @ApiProperty() startedAt: string;
  @ApiProperty({ type: String, nullable: true }) finishedAt: string | null;
  @ApiProperty({ enum: ['running', 'ok', 'failed'] }) status: 'running' | 'ok' | 'failed';
  @ApiProperty({ type: String, nullable: true }) message: string | null;
  @ApiProperty() worker: string;

  static from(r: JobRun): JobRunViewDto {
    return { id: r.id, name: r.name, tick: r.tick, startedAt: r.startedAt.toISOString(), finishedAt: r.finishedAt ? r.finishedAt.toISOString() : null, status: r.status, message: r.message, worker: r.worker };
  }
}

export class JobRunPageDto {
  @ApiProperty({ type: [JobRunViewDto] }) items: JobRunViewDto[];
  @ApiProperty() total: number;
}
