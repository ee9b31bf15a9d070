import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Bits, CoreRight } from '@parc/contracts';
import { IdPipe } from '../../common/http/id-param.pipe';
import { Ctx, RequireRight } from '../../sdk/access.decorators';
import type { RequestContext } from '../../sdk/request-context';
import {
  CreateGroupDto,
  GroupImportDto,
  GroupImportResultDto,
  GroupListQueryDto,
  GroupMembersDto,
  GroupMembershipChangeDto,
  GroupPageDto,
  GroupPreviewDto,
  GroupPreviewQueryDto,
  GroupRefreshResultDto,
  GroupViewDto,
  UpdateGroupDto,
} from './dto/group.dto';
import { GroupsService } from './groups.service';

/** Import files are lists of names: a few MB at most, read in memory once size-checked by multer. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

@ApiTags('groups')
@Controller('groups')
export class GroupsController {
  constructor(private readonly groups: GroupsService) {}

  @Get()
  @RequireRight(CoreRight.GROUP, Bits.READ)
  @ApiOperation({ summary: 'Groups the caller may see: own, shared with them, or all with the "every group" right' })
  @ApiOkResponse({ type: GroupPageDto })
  list(@Ctx() ctx: RequestContext, @Query() query: GroupListQueryDto): Promise<GroupPageDto> {
    return this.groups.list(ctx, query);
  }

  @Post()
  @RequireRight(CoreRight.GROUP, Bits.CREATE)
  @ApiOperation({ summary: 'Create a static or dynamic group (a dynamic one is evaluated at once)' })
  @ApiCreatedResponse({ type: GroupViewDto })
  create(@Ctx() ctx: RequestContext, @Body() dto: CreateGroupDto): Promise<GroupViewDto> {
    return this.groups.create(ctx, dto);
  }

  @Post('preview')
  @HttpCode(200)
  @RequireRight(CoreRight.GROUP, Bits.READ)
  @ApiOperation({ summary: 'Live count of the editor: how many computers the criteria match now' })
  @ApiOkResponse({ type: GroupPreviewDto })
  preview(@Ctx() ctx: RequestContext, @Body() dto: GroupPreviewQueryDto): Promise<GroupPreviewDto> {
    return this.groups.preview(ctx, dto);
  }

  @Get(':id')
  @RequireRight(CoreRight.GROUP, Bits.READ)
  @ApiOperation({ summary: 'One group, with its shares and what the caller may do with it' })
  @ApiOkResponse({ type: GroupViewDto })
  get(@Ctx() ctx: RequestContext, @Param('id', IdPipe) id: number): Promise<GroupViewDto> {
    return this.groups.get(ctx, id);
  }

  @Patch(':id')
  @RequireRight(CoreRight.GROUP, Bits.UPDATE)
  @ApiOperation({ summary: 'Change a group; a dynamic group whose definition changed is evaluated again' })
  @ApiOkResponse({ type: GroupViewDto })
  update(@Ctx() ctx: RequestContext, @Param('id', IdPipe) id: number, @Body() dto: UpdateGroupDto): Promise<GroupViewDto> {
    return this.groups.update(ctx, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequireRight(CoreRight.GROUP, Bits.DELETE)
  @ApiOperation({ summary: 'Delete a group (its owner, or with the "every group" right); 409 while other groups name it' })
  @ApiNoContentResponse()
  remove(@Ctx() ctx: RequestContext, @Param('id', IdPipe) id: number): Promise<void> {
    return this.groups.remove(ctx, id);
  }

  @Post(':id/refresh')
  @HttpCode(200)
  @RequireRight(CoreRight.GROUP, Bits.READ)
  @ApiOperation({ summary: 'Evaluate a query-mode dynamic group now' })
  @ApiOkResponse({ type: GroupRefreshResultDto })
  refresh(@Ctx() ctx: RequestContext, @Param('id', IdPipe) id: number): Promise<GroupRefreshResultDto> {
    return this.groups.refresh(ctx, id);
  }

  @Post(':id/members')
  @HttpCode(200)
  @RequireRight(CoreRight.GROUP, Bits.UPDATE)
  @ApiOperation({ summary: 'Add computers to a static group (those the caller cannot see are skipped)' })
  @ApiOkResponse({ type: GroupMembershipChangeDto })
  addMembers(@Ctx() ctx: RequestContext, @Param('id', IdPipe) id: number, @Body() dto: GroupMembersDto): Promise<GroupMembershipChangeDto> {
    return this.groups.addMembers(ctx, id, dto.ids);
  }

  @Post(':id/members/remove')
  @HttpCode(200)
  @RequireRight(CoreRight.GROUP, Bits.UPDATE)
  @ApiOperation({ summary: 'Remove computers from a static group or a result-mode dynamic group (emptying the latter turns it back into a query)' })
  @ApiOkResponse({ type: GroupMembershipChangeDto })
  removeMembers(@Ctx() ctx: RequestContext, @Param('id', IdPipe) id: number, @Body() dto: GroupMembersDto): Promise<GroupMembershipChangeDto> {
    return this.groups.removeMembers(ctx, id, dto.ids);
  }

  @Post(':id/import')
  @HttpCode(200)
  @RequireRight(CoreRight.GROUP, Bits.UPDATE)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 5 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file', 'match'], properties: { file: { type: 'string', format: 'binary' }, match: { type: 'string', enum: ['name', 'serial', 'uuid'] } } } })
  @ApiOperation({ summary: 'Add the computers listed in a text file (one name, serial or UUID a line) to a static group' })
  @ApiOkResponse({ type: GroupImportResultDto })
  import(@Ctx() ctx: RequestContext, @Param('id', IdPipe) id: number, @Body() dto: GroupImportDto, @UploadedFile() file: Express.Multer.File | undefined): Promise<GroupImportResultDto> {
    return this.groups.importMembers(ctx, id, file?.buffer ?? null, dto.match);
  }
}
