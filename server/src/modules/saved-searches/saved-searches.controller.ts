import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Bits, CoreRight } from '@parc/contracts';
import { IdPipe } from '../../common/http/id-param.pipe';
import { AnyUser, Ctx, RequireRight } from '../../sdk/access.decorators';
import type { RequestContext } from '../../sdk/request-context';
import { GroupViewDto } from '../groups/dto/group.dto';
import { CreateSavedSearchDto, SavedSearchListQueryDto, SavedSearchPageDto, SavedSearchToGroupDto, SavedSearchViewDto, UpdateSavedSearchDto } from './dto/saved-search.dto';
import { SavedSearchesService } from './saved-searches.service';

@ApiTags('saved-searches')
@Controller('saved-searches')
export class SavedSearchesController {
  constructor(private readonly searches: SavedSearchesService) {}

  @Get()
  @AnyUser()
  @ApiOperation({ summary: "A list's saved searches: the caller's own and the shared ones they may see" })
  @ApiOkResponse({ type: SavedSearchPageDto })
  list(@Ctx() ctx: RequestContext, @Query() query: SavedSearchListQueryDto): Promise<SavedSearchPageDto> {
    return this.searches.list(ctx, query);
  }

  @Post()
  @AnyUser()
  @ApiOperation({ summary: 'Save the current search of a list (sharing it needs the savedsearch create right)' })
  @ApiCreatedResponse({ type: SavedSearchViewDto })
  create(@Ctx() ctx: RequestContext, @Body() dto: CreateSavedSearchDto): Promise<SavedSearchViewDto> {
    return this.searches.create(ctx, dto);
  }

  @Get(':id')
  @AnyUser()
  @ApiOperation({ summary: 'One saved search (own, or shared and visible)' })
  @ApiOkResponse({ type: SavedSearchViewDto })
  get(@Ctx() ctx: RequestContext, @Param('id', IdPipe) id: number): Promise<SavedSearchViewDto> {
    return this.searches.get(ctx, id);
  }

  @Patch(':id')
  @AnyUser()
  @ApiOperation({ summary: 'Rename, change or (un)share a saved search: its owner, or the savedsearch update right for shared ones' })
  @ApiOkResponse({ type: SavedSearchViewDto })
  update(@Ctx() ctx: RequestContext, @Param('id', IdPipe) id: number, @Body() dto: UpdateSavedSearchDto): Promise<SavedSearchViewDto> {
    return this.searches.update(ctx, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @AnyUser()
  @ApiOperation({ summary: 'Delete a saved search: its owner, or the savedsearch delete right for shared ones' })
  @ApiNoContentResponse()
  remove(@Ctx() ctx: RequestContext, @Param('id', IdPipe) id: number): Promise<void> {
    return this.searches.remove(ctx, id);
  }

  @Post(':id/group')
  @RequireRight(CoreRight.GROUP, Bits.CREATE)
  @ApiOperation({ summary: 'Turn a computer search into a dynamic (query-mode) group' })
  @ApiCreatedResponse({ type: GroupViewDto })
  toGroup(@Ctx() ctx: RequestContext, @Param('id', IdPipe) id: number, @Body() dto: SavedSearchToGroupDto): Promise<GroupViewDto> {
    return this.searches.toGroup(ctx, id, dto);
  }
}
