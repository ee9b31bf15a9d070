import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Bits, CoreRight } from '@parc/contracts';
import { IdPipe } from '../../common/http/id-param.pipe';
import { Ctx, RequireRight } from '../../sdk/access.decorators';
import type { RequestContext } from '../../sdk/request-context';
import { CreateEntityRuleDto, EntityRulePageDto, EntityRuleViewDto, InventorySettingsDto, UpdateEntityRuleDto } from './dto/inventory.dto';
import { EntityRulesService } from './entity-rules.service';
import { InventorySettingsService } from './inventory-settings.service';

@ApiTags('inventory')
@Controller('inventory')
export class InventoryAdminController {
  constructor(
    private readonly rules: EntityRulesService,
    private readonly settings: InventorySettingsService,
  ) {}

  @Get('settings')
  @RequireRight(CoreRight.INVENTORY, Bits.READ)
  @ApiOperation({ summary: 'Inventory settings: default entity of new computers, inventory frequency (needs the inventory right on the root entity)' })
  @ApiOkResponse({ type: InventorySettingsDto })
  getSettings(@Ctx() ctx: RequestContext): Promise<InventorySettingsDto> {
    this.rules.assertRoot(ctx, Bits.READ);
    return this.settings.get();
  }

  @Put('settings')
  @RequireRight(CoreRight.INVENTORY, Bits.UPDATE)
  @ApiOperation({ summary: 'Change the inventory settings (needs the inventory right on the root entity)' })
  @ApiOkResponse({ type: InventorySettingsDto })
  putSettings(@Ctx() ctx: RequestContext, @Body() dto: InventorySettingsDto): Promise<InventorySettingsDto> {
    return this.rules.updateSettings(ctx, dto);
  }

  @Get('entity-rules')
  @RequireRight(CoreRight.INVENTORY, Bits.READ)
  @ApiOperation({ summary: 'The rules giving new computers their entity, in evaluation order (needs the inventory right on the root entity)' })
  @ApiOkResponse({ type: EntityRulePageDto })
  listRules(@Ctx() ctx: RequestContext): Promise<EntityRulePageDto> {
    this.rules.assertRoot(ctx, Bits.READ);
    return this.rules.list();
  }

  @Post('entity-rules')
  @RequireRight(CoreRight.INVENTORY, Bits.CREATE)
  @ApiOperation({ summary: 'Add an entity rule (by TAG or IPv4 range)' })
  @ApiOkResponse({ type: EntityRuleViewDto })
  createRule(@Ctx() ctx: RequestContext, @Body() dto: CreateEntityRuleDto): Promise<EntityRuleViewDto> {
    return this.rules.create(ctx, dto);
  }

  @Patch('entity-rules/:id')
  @RequireRight(CoreRight.INVENTORY, Bits.UPDATE)
  @ApiOperation({ summary: 'Change an entity rule, its position or its active flag' })
  @ApiOkResponse({ type: EntityRuleViewDto })
  @ApiNotFoundResponse()
  updateRule(@Ctx() ctx: RequestContext, @Param('id', IdPipe) id: number, @Body() dto: UpdateEntityRuleDto): Promise<EntityRuleViewDto> {
    return this.rules.update(ctx, id, dto);
  }

  @Delete('entity-rules/:id')
  @HttpCode(204)
  @RequireRight(CoreRight.INVENTORY, Bits.DELETE)
  @ApiOperation({ summary: 'Delete an entity rule' })
  @ApiNotFoundResponse()
  deleteRule(@Ctx() ctx: RequestContext, @Param('id', IdPipe) id: number): Promise<void> {
    return this.rules.remove(ctx, id);
  }
}
