import { BadRequestException, Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Bits, Ctx, type RequestContext, RequireRight } from '@parc/sdk';
import type { Request, Response } from 'express';
import multer from 'multer';
import { PACKAGE_RIGHT } from '../rights';
import { FileListQueryDto, FilePageDto, FileViewDto, GarbageCollectionDto, ImportFileDto } from './dto/file.dto';
import type { DeployFile } from './file.entity';
import { FilesService } from './files.service';

type Ingested = { file: DeployFile; deduplicated: boolean };

@ApiTags('deploy files')
@Controller('deploy/files')
export class FilesController {
  /** Multipart uploads go straight into the repository: the file part is cut into parts as it streams. */
  private readonly multipart: ReturnType<multer.Multer['single']>;

  constructor(private readonly files: FilesService) {
    const storage: multer.StorageEngine = {
      _handleFile: (req, file, done) => {
        this.files.ingest((req as unknown as { parcContext: RequestContext }).parcContext, file.originalname, file.stream).then(
          (stored) => done(null, { stored } as Partial<Express.Multer.File>),
          (err) => done(err),
        );
      },
      _removeFile: (_req, _file, done) => done(null),
    };
    this.multipart = multer({ storage, limits: { files: 1, fields: 10, fieldSize: 1024 } }).single('file');
  }

  @Get()
  @RequireRight(PACKAGE_RIGHT, Bits.READ)
  @ApiOperation({ summary: 'Files of the repository, with how many package revisions use each' })
  @ApiOkResponse({ type: FilePageDto })
  list(@Ctx() ctx: RequestContext, @Query() query: FileListQueryDto): Promise<FilePageDto> {
    return this.files.list(ctx, query);
  }

  @Get(':sha512')
  @RequireRight(PACKAGE_RIGHT, Bits.READ)
  @ApiOperation({ summary: 'One file, by the SHA-512 of its content' })
  @ApiOkResponse({ type: FileViewDto })
  get(@Ctx() ctx: RequestContext, @Param('sha512') sha512: string): Promise<FileViewDto> {
    return this.files.get(ctx, sha512);
  }

  @Post()
  @RequireRight(PACKAGE_RIGHT, Bits.CREATE)
  @ApiOperation({ summary: 'Upload a file (multipart field `file`); the same content already stored is the same file' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiCreatedResponse({ type: FileViewDto })
  async upload(@Ctx() ctx: RequestContext, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<FileViewDto> {
    if (!req.is('multipart/form-data')) throw new BadRequestException('Send the file as multipart/form-data, in the field `file` (or use the resumable uploads)');
    Object.assign(req, { parcContext: ctx });
    await new Promise<void>((resolve, reject) => this.multipart(req, res, (err: unknown) => (err ? reject(multerError(err)) : resolve())));
    const stored = (req.file as (Express.Multer.File & { stored?: Ingested }) | undefined)?.stored;
    if (!stored) throw new BadRequestException('The multipart body has no field `file`');
    return this.view(stored);
  }

  @Post('import')
  @RequireRight(PACKAGE_RIGHT, Bits.CREATE)
  @ApiOperation({ summary: 'Import a file already on the server, from under the import directory (DEPLOY_IMPORT_DIR)' })
  @ApiCreatedResponse({ type: FileViewDto })
  async import(@Ctx() ctx: RequestContext, @Body() dto: ImportFileDto): Promise<FileViewDto> {
    return this.view(await this.files.importFromDirectory(ctx, dto.path));
  }

  @Post('gc')
  @HttpCode(200)
  @RequireRight(PACKAGE_RIGHT, Bits.DELETE)
  @ApiOperation({ summary: 'Collect garbage now: expired uploads, files unused past the grace period, parts nothing lists' })
  @ApiOkResponse({ type: GarbageCollectionDto })
  collect(@Ctx() ctx: RequestContext): Promise<GarbageCollectionDto> {
    return this.files.collectGarbage(ctx);
  }

  private async view({ file, deduplicated }: Ingested): Promise<FileViewDto> {
    const [view] = await this.files.views([file]);
    return { ...view, deduplicated };
  }
}

/** Multer's own errors (too many files, a field too long) are the client's; ours pass through as they are. */
function multerError(err: unknown): unknown {
  if (err instanceof multer.MulterError) return new BadRequestException(`Unreadable multipart body: ${err.message}${err.field ? ` (${err.field})` : ''}`);
  if (err instanceof Error && /Multipart|Unexpected end of form|boundary/i.test(err.message)) return new BadRequestException(`Unreadable multipart body: ${err.message}`);
  return err;
}
