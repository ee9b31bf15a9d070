import { Controller, Get, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Bits, CoreRight } from '@parc/contracts';
import type { DataSource } from 'typeorm';
import { fetchPage, resolveList } from '../../common/http/list-query.dto';
import { RequireRight } from '../../sdk/access.decorators';
import { JobRunPageDto, JobRunViewDto, ListJobRunsQueryDto } from './dto/job-run.dto';
import { JobRun } from './job-run.entity';

const SORTABLE = { startedAt: 'r.started_at', name: 'r.name', status: 'r.status' };

@ApiTags('system')
@Controller('system')
export class JobRunsController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get('job-runs')
  @RequireRight(CoreRight.SYSTEM, Bits.READ)
  @ApiOperation({ summary: 'History of periodic job runs, newest first (sort: startedAt, name, status)' })
  @ApiOkResponse({ type: JobRunPageDto })
  async list(@Query() query: ListJobRunsQueryDto): Promise<JobRunPageDto> {
    const list = resolveList(query, SORTABLE, '-startedAt');
    const qb = this.dataSource.getRepository(JobRun).createQueryBuilder('r');
    if (query.name) qb.where('r.name = :name', { name: query.name });
    const [rows, total] = await fetchPage(qb, list, 'r.id');
    return { items: rows.map(JobRunViewDto.from), total };
  }
}
