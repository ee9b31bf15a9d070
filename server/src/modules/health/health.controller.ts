import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { HealthView } from '@parc/contracts';
import type { Response } from 'express';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../common/config/config';
import { APP_CONFIG } from '../../common/config/config.module';
import { dialectOf } from '../../common/database/dialect';
import { coreVersion } from '../../common/paths';
import { QueueService } from '../../common/queue/queue.service';
import { Public } from '../../sdk/access.decorators';

class ComponentDto {
  @ApiProperty({ enum: ['up', 'down'] }) status: 'up' | 'down';
  @ApiProperty() driver: string;
}

class HealthDto implements HealthView {
  @ApiProperty({ enum: ['ok', 'degraded'] }) status: 'ok' | 'degraded';
  @ApiProperty() version: string;
  @ApiProperty({ enum: ['all', 'api', 'worker'] }) role: 'all' | 'api' | 'worker';
  @ApiProperty({ type: ComponentDto }) database: { status: 'up' | 'down'; driver: 'sqlite' | 'mariadb' };
  @ApiProperty({ type: ComponentDto }) queue: { status: 'up' | 'down'; driver: 'memory' | 'redis' };
}

@ApiTags('system')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queue: QueueService,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Liveness and readiness: database and queue status (503 when one is down)' })
  @ApiOkResponse({ type: HealthDto })
  @ApiServiceUnavailableResponse({ type: HealthDto })
  async health(@Res({ passthrough: true }) res: Response): Promise<HealthDto> {
    const database = await this.dataSource.query('SELECT 1').then(() => 'up' as const, () => 'down' as const);
    const queue = (await this.queue.ping()) ? ('up' as const) : ('down' as const);
    const ok = database === 'up' && queue === 'up';
    if (!ok) res.status(HttpStatus.SERVICE_UNAVAILABLE);
    return {
      status: ok ? 'ok' : 'degraded',
      version: coreVersion(),
      role: this.config.role,
      database: { status: database, driver: dialectOf(this.dataSource) },
      queue: { status: queue, driver: this.queue.driver },
    };
  }
}
