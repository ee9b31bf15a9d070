import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Bits, CoreRight } from '@parc/contracts';
import { Ctx, RequireRight } from '../../sdk/access.decorators';
import type { RequestContext } from '../../sdk/request-context';
import { AgentsService } from './agents.service';
import { AgentPageDto, ListAgentsQueryDto } from './dto/agent.dto';

@ApiTags('agents')
@Controller('agents')
export class AgentsController {
  constructor(private readonly agents: AgentsService) {}

  @Get()
  @RequireRight(CoreRight.COMPUTER, Bits.READ)
  @ApiOperation({ summary: 'Agents seen by the server, with last contact and version (sort: lastContactAt, deviceId, version, kind, createdAt)' })
  @ApiOkResponse({ type: AgentPageDto })
  list(@Ctx() ctx: RequestContext, @Query() query: ListAgentsQueryDto): Promise<AgentPageDto> {
    return this.agents.list(ctx, query);
  }
}
