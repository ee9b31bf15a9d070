import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnyUser, Ctx } from '../../sdk/access.decorators';
import type { RequestContext } from '../../sdk/request-context';
import { MassActionListDto, MassActionQueryDto, MassActionResultDto, RunMassActionDto } from './dto/mass-action.dto';
import { MassActionsService } from './mass-actions.service';

@ApiTags('mass-actions')
@Controller('mass-actions')
export class MassActionsController {
  constructor(private readonly massActions: MassActionsService) {}

  @Get()
  @AnyUser()
  @ApiOperation({ summary: 'The mass actions for an item type that the caller holds the right for' })
  @ApiOkResponse({ type: MassActionListDto })
  list(@Ctx() ctx: RequestContext, @Query() query: MassActionQueryDto): MassActionListDto {
    return this.massActions.available(ctx, query.itemType);
  }

  @Post(':key')
  @HttpCode(200)
  @AnyUser()
  @ApiOperation({ summary: 'Run a mass action on a selection; answers one result per item (ok, failed, no-right)' })
  @ApiOkResponse({ type: MassActionResultDto })
  @ApiNotFoundResponse({ description: 'Unknown action' })
  run(@Ctx() ctx: RequestContext, @Param('key') key: string, @Body() dto: RunMassActionDto): Promise<MassActionResultDto> {
    return this.massActions.run(ctx, key, dto);
  }
}
