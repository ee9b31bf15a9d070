import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Bits, Ctx, IdPipe, type RequestContext, RequireRight } from '@parc/sdk';
import { PACKAGE_RIGHT } from '../rights';
import { CreateInteractionTemplateDto, InteractionTemplateListQueryDto, InteractionTemplatePageDto, InteractionTemplateViewDto, UpdateInteractionTemplateDto } from './dto/interaction-template.dto';
import { InteractionTemplatesService } from './interaction-templates.service';

@ApiTags('deploy packages')
@Controller('deploy/interaction-templates')
export class InteractionTemplatesController {
  constructor(private readonly templates: InteractionTemplatesService) {}

  @Get()
  @RequireRight(PACKAGE_RIGHT, Bits.READ)
  @ApiOperation({ summary: 'User-interaction templates visible in the active scope' })
  @ApiOkResponse({ type: InteractionTemplatePageDto })
  list(@Ctx() ctx: RequestContext, @Query() query: InteractionTemplateListQueryDto): Promise<InteractionTemplatePageDto> {
    return this.templates.list(ctx, query);
  }

  @Post()
  @RequireRight(PACKAGE_RIGHT, Bits.CREATE)
  @ApiOperation({ summary: 'Create a user-interaction template' })
  @ApiCreatedResponse({ type: InteractionTemplateViewDto })
  create(@Ctx() ctx: RequestContext, @Body() dto: CreateInteractionTemplateDto): Promise<InteractionTemplateViewDto> {
    return this.templates.create(ctx, dto);
  }

  @Patch(':id')
  @RequireRight(PACKAGE_RIGHT, Bits.UPDATE)
  @ApiOperation({ summary: 'Change a template (drafts follow; published revisions keep their copy)' })
  @ApiOkResponse({ type: InteractionTemplateViewDto })
  update(@Ctx() ctx: RequestContext, @Param('id', IdPipe) id: number, @Body() dto: UpdateInteractionTemplateDto): Promise<InteractionTemplateViewDto> {
    return this.templates.update(ctx, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequireRight(PACKAGE_RIGHT, Bits.DELETE)
  @ApiOperation({ summary: 'Delete a template (409 while a draft uses it)' })
  @ApiNoContentResponse()
  remove(@Ctx() ctx: RequestContext, @Param('id', IdPipe) id: number): Promise<void> {
    return this.templates.remove(ctx, id);
  }
}
