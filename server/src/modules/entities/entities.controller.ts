import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Bits, CoreRight } from '@parc/contracts';
import { IdPipe } from '../../common/http/id-param.pipe';
import { Ctx, RequireRight } from '../../sdk/access.decorators';
import type { RequestContext } from '../../sdk/request-context';
import { CreateEntityDto, EntityPageDto, EntityViewDto, ListEntitiesQueryDto, UpdateEntityDto } from './dto/entity.dto';
import { EntitiesService } from './entities.service';

@ApiTags('entities')
@Controller('entities')
export class EntitiesController {
  constructor(private readonly entities: EntitiesService) {}

  @Get()
  @RequireRight(CoreRight.ENTITY, Bits.READ)
  @ApiOperation({ summary: 'List the entities of the active scope (sort: id, name, completeName, level, createdAt)' })
  @ApiOkResponse({ type: EntityPageDto })
  list(@Ctx() ctx: RequestContext, @Query() query: ListEntitiesQueryDto): Promise<EntityPageDto> {
    return this.entities.list(ctx, query);
  }

  @Get(':id')
  @RequireRight(CoreRight.ENTITY, Bits.READ)
  @ApiOperation({ summary: 'Read one entity' })
  @ApiOkResponse({ type: EntityViewDto })
  @ApiNotFoundResponse()
  get(@Ctx() ctx: RequestContext, @Param('id', IdPipe) id: number): Promise<EntityViewDto> {
    return this.entities.get(ctx, id);
  }

  @Post()
  @RequireRight(CoreRight.ENTITY, Bits.CREATE)
  @ApiOperation({ summary: 'Create a sub-entity under parentId' })
  @ApiOkResponse({ type: EntityViewDto })
  @ApiConflictResponse({ description: 'A sibling has the same name' })
  create(@Ctx() ctx: RequestContext, @Body() dto: CreateEntityDto): Promise<EntityViewDto> {
    return this.entities.create(ctx, dto);
  }

  @Patch(':id')
  @RequireRight(CoreRight.ENTITY, Bits.UPDATE)
  @ApiOperation({ summary: 'Rename (name), move (parentId) or comment an entity' })
  @ApiOkResponse({ type: EntityViewDto })
  @ApiConflictResponse({ description: 'Name taken, or a move below itself' })
  update(@Ctx() ctx: RequestContext, @Param('id', IdPipe) id: number, @Body() dto: UpdateEntityDto): Promise<EntityViewDto> {
    return this.entities.update(ctx, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequireRight(CoreRight.ENTITY, Bits.DELETE)
  @ApiOperation({ summary: 'Delete an empty entity (409 while it holds sub-entities or objects)' })
  @ApiConflictResponse({ description: 'The entity is not empty' })
  remove(@Ctx() ctx: RequestContext, @Param('id', IdPipe) id: number): Promise<void> {
    return this.entities.remove(ctx, id);
  }
}
