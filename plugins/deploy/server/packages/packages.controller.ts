import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Bits, Ctx, IdPipe, RequestContext, RequireRight } from '@parc/sdk';
import { CreatePackageDto, DefinitionDto, PackageListQueryDto, PackagePageDto, PackageViewDto, RevisionDiffDto, RevisionDiffQueryDto, RevisionViewDto, UpdatePackageDto } from './dto/package.dto';
import type { FusionJob } from './fusion-job';
import { PACKAGE_RIGHT } from '../rights';
import { PackagesService } from './packages.service';

@ApiTags('deploy packages')
@Controller('deploy/packages')
export class PackagesController {
  constructor(private readonly packages: PackagesService) {}

  @Get()
  @RequireRight(PACKAGE_RIGHT, Bits.READ)
  @ApiOperation({ summary: 'Packages visible in the active scope, with their revisions' })
  @ApiOkResponse({ type: PackagePageDto })
  list(@Ctx() ctx: RequestContext, @Query() query: PackageListQueryDto): Promise<PackagePageDto> {
    return this.packages.list(ctx, query);
  }

  @Post()
  @RequireRight(PACKAGE_RIGHT, Bits.CREATE)
  @ApiOperation({ summary: 'Create a package, with an empty draft revision 1' })
  @ApiCreatedResponse({ type: PackageViewDto })
  create(@Ctx() ctx: RequestContext, @Body() dto: CreatePackageDto): Promise<PackageViewDto> {
    return this.packages.create(ctx, dto);
  }

  @Get(':id')
  @RequireRight(PACKAGE_RIGHT, Bits.READ)
  @ApiOperation({ summary: 'One package and its revisions, newest first' })
  @ApiOkResponse({ type: PackageViewDto })
  get(@Ctx() ctx: RequestContext, @Param('id', IdPipe) id: number): Promise<PackageViewDto> {
    return this.packages.get(ctx, id);
  }

  @Patch(':id')
  @RequireRight(PACKAGE_RIGHT, Bits.UPDATE)
  @ApiOperation({ summary: 'Rename, describe or move a package' })
  @ApiOkResponse({ type: PackageViewDto })
  update(@Ctx() ctx: RequestContext, @Param('id', IdPipe) id: number, @Body() dto: UpdatePackageDto): Promise<PackageViewDto> {
    return this.packages.update(ctx, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequireRight(PACKAGE_RIGHT, Bits.DELETE)
  @ApiOperation({ summary: 'Delete a package and its revisions' })
  @ApiNoContentResponse()
  remove(@Ctx() ctx: RequestContext, @Param('id', IdPipe) id: number): Promise<void> {
    return this.packages.remove(ctx, id);
  }

  @Post(':id/draft')
  @HttpCode(200)
  @RequireRight(PACKAGE_RIGHT, Bits.UPDATE)
  @ApiOperation({ summary: 'The draft revision; created from the latest revision when there is none' })
  @ApiOkResponse({ type: RevisionViewDto })
  draft(@Ctx() ctx: RequestContext, @Param('id', IdPipe) id: number): Promise<RevisionViewDto> {
    return this.packages.draft(ctx, id);
  }

  @Put(':id/draft')
  @RequireRight(PACKAGE_RIGHT, Bits.UPDATE)
  @ApiOperation({ summary: 'Save the whole definition into the draft (a published revision is never changed)' })
  @ApiOkResponse({ type: RevisionViewDto })
  saveDraft(@Ctx() ctx: RequestContext, @Param('id', IdPipe) id: number, @Body() dto: DefinitionDto): Promise<RevisionViewDto> {
    return this.packages.saveDraft(ctx, id, dto);
  }

  @Get(':id/revisions/:number')
  @RequireRight(PACKAGE_RIGHT, Bits.READ)
  @ApiOperation({ summary: 'One revision with its definition' })
  @ApiOkResponse({ type: RevisionViewDto })
  revision(@Ctx() ctx: RequestContext, @Param('id', IdPipe) id: number, @Param('number', IdPipe) number: number): Promise<RevisionViewDto> {
    return this.packages.revision(ctx, id, number);
  }

  @Post(':id/revisions/:number/publish')
  @HttpCode(200)
  @RequireRight(PACKAGE_RIGHT, Bits.UPDATE)
  @ApiOperation({ summary: 'Publish a draft: it becomes immutable' })
  @ApiOkResponse({ type: RevisionViewDto })
  publish(@Ctx() ctx: RequestContext, @Param('id', IdPipe) id: number, @Param('number', IdPipe) number: number): Promise<RevisionViewDto> {
    return this.packages.publish(ctx, id, number);
  }

  @Post(':id/revisions/:number/retire')
  @HttpCode(200)
  @RequireRight(PACKAGE_RIGHT, Bits.UPDATE)
  @ApiOperation({ summary: 'Retire a published revision' })
  @ApiOkResponse({ type: RevisionViewDto })
  retire(@Ctx() ctx: RequestContext, @Param('id', IdPipe) id: number, @Param('number', IdPipe) number: number): Promise<RevisionViewDto> {
    return this.packages.retire(ctx, id, number);
  }

  @Get(':id/diff')
  @RequireRight(PACKAGE_RIGHT, Bits.READ)
  @ApiOperation({ summary: 'What changed between two revisions (paths like actions[1].exec)' })
  @ApiOkResponse({ type: RevisionDiffDto })
  diff(@Ctx() ctx: RequestContext, @Param('id', IdPipe) id: number, @Query() query: RevisionDiffQueryDto): Promise<RevisionDiffDto> {
    return this.packages.diff(ctx, id, query.from, query.to);
  }

  @Get(':id/revisions/:number/fusion-job')
  @RequireRight(PACKAGE_RIGHT, Bits.READ)
  @ApiOperation({ summary: 'Preview of the job JSON FusionInventory/GLPI agents execute (without uuid, parts and mirrors)' })
  @ApiOkResponse({ description: '{ job: {checks, associatedFiles, actions, userinteractions}, associatedFiles: {sha512: file} }' })
  fusionJob(@Ctx() ctx: RequestContext, @Param('id', IdPipe) id: number, @Param('number', IdPipe) number: number): Promise<FusionJob> {
    return this.packages.fusionJob(ctx, id, number);
  }
}
