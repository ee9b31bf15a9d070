import { BadRequestException, Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import multer from 'multer';
import { PackageArchiveService } from './package-archive.service';
import { Bits, Ctx, IdPipe, RequestContext, RequireRight } from '@parc/sdk';
import { ForbiddenException } from '@nestjs/common';
import { CreatePackageDto, DefinitionDto, PackageListQueryDto, PackagePageDto, PackageViewDto, RevisionDiffDto, RevisionDiffQueryDto, RevisionViewDto, UpdatePackageDto } from './dto/package.dto';
import type { FusionJob } from './fusion-job';
import { PACKAGE_RIGHT } from '../rights';
import { PackagesService } from './packages.service';

@ApiTags('deploy packages')
@Controller('deploy/packages')
export class PackagesController {
  constructor(
    private readonly packages: PackagesService,
    private readonly archives: PackageArchiveService,
  ) {}

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

  @Post('import')
  @RequireRight(PACKAGE_RIGHT, Bits.CREATE)
  @ApiOperation({ summary: 'Import a package archive (multipart field `archive`) as a new package whose revision 1 is a draft' })
  @ApiConsumes('multipart/form-data')
  @ApiQuery({ name: 'entityId', required: false, description: 'Entity of the new package (also accepted as a form field before the archive); the active entity by default' })
  @ApiBody({ schema: { type: 'object', properties: { entityId: { type: 'integer' }, archive: { type: 'string', format: 'binary' } } } })
  @ApiCreatedResponse({ type: PackageViewDto })
  async import(@Ctx() ctx: RequestContext, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<PackageViewDto> {
    const queried = req.query.entityId === undefined ? undefined : Number(req.query.entityId);
    if (queried !== undefined && Number.isInteger(queried) && !ctx.canOnEntity(PACKAGE_RIGHT, Bits.CREATE, queried)) throw new ForbiddenException(`You cannot create packages in entity ${queried}`);
    if (!req.is('multipart/form-data')) throw new BadRequestException('Send the archive as multipart/form-data, in the field `archive`');
    let imported: Promise<PackageViewDto> | undefined;
    const storage: multer.StorageEngine = {
      _handleFile: (request, file, done) => {
        const raw = (request.query.entityId ?? (request.body as Record<string, unknown> | undefined)?.entityId ?? ctx.activeEntity.id) as string | number;
        const entityId = Number(raw);
        if (!Number.isInteger(entityId) || entityId < 1) return done(new BadRequestException(`entityId must be a positive integer (got '${String(raw).slice(0, 20)}')`));
        if (!ctx.canOnEntity(PACKAGE_RIGHT, Bits.CREATE, entityId)) return done(new ForbiddenException(`You cannot create packages in entity ${entityId}`));
        imported = this.archives.import(ctx, file.stream, entityId);
        imported.then(() => done(null, {}), (err) => done(err));
      },
      _removeFile: (_request, _file, done) => done(null),
    };
    await new Promise<void>((resolve, reject) => multer({ storage, limits: { files: 1, fields: 5 } }).single('archive')(req, res, (err: unknown) => (err ? reject(err) : resolve())));
    if (!imported) throw new BadRequestException('The multipart body has no field `archive`');
    return imported;
  }

  @Get(':id/revisions/:number/export')
  @RequireRight(PACKAGE_RIGHT, Bits.READ)
  @ApiOperation({ summary: 'One revision as a tar archive (manifest and parts) to import on another server' })
  @ApiProduces('application/x-tar')
  @ApiOkResponse({ description: 'manifest.json, then parts/x/xy/<sha512>' })
  async export(@Ctx() ctx: RequestContext, @Param('id', IdPipe) id: number, @Param('number', IdPipe) number: number, @Res() res: Response): Promise<void> {
    const archive = await this.archives.export(ctx, id, number);
    res.setHeader('Content-Type', 'application/x-tar');
    res.setHeader('Content-Disposition', `attachment; filename="${archive.fileName}"`);
    await archive.write(res).catch(() => res.destroy());
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
