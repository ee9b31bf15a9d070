import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Put, Req } from '@nestjs/common';
import { ApiConsumes, ApiCreatedResponse, ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Bits, Ctx, type RequestContext, RequireRight } from '@parc/sdk';
import type { Request } from 'express';
import { PACKAGE_RIGHT } from '../rights';
import { CreateUploadDto, UploadViewDto } from './dto/file.dto';
import { UploadsService } from './uploads.service';

@ApiTags('deploy files')
@Controller('deploy/uploads')
export class UploadsController {
  constructor(private readonly uploads: UploadsService) {}

  @Post()
  @RequireRight(PACKAGE_RIGHT, Bits.CREATE)
  @ApiOperation({ summary: 'Start a resumable upload (413 beyond the maximum size); content already stored completes at once' })
  @ApiCreatedResponse({ type: UploadViewDto })
  create(@Ctx() ctx: RequestContext, @Body() dto: CreateUploadDto): Promise<UploadViewDto> {
    return this.uploads.create(ctx, dto);
  }

  @Get(':uploadId')
  @RequireRight(PACKAGE_RIGHT, Bits.CREATE)
  @ApiOperation({ summary: 'An upload of yours: `offset` is how many bytes the server holds (resume from there)' })
  @ApiOkResponse({ type: UploadViewDto })
  get(@Ctx() ctx: RequestContext, @Param('uploadId') id: string): Promise<UploadViewDto> {
    return this.uploads.get(ctx, id);
  }

  @Put(':uploadId/chunks/:offset')
  @RequireRight(PACKAGE_RIGHT, Bits.CREATE)
  @ApiOperation({ summary: 'Send the bytes from `offset` (a multiple of 1 MiB except the last chunk), with Content-Digest: sha-256=:…:' })
  @ApiConsumes('application/octet-stream')
  @ApiHeader({ name: 'Content-Digest', required: true, description: 'sha-256=:<base64 SHA-256 of the chunk>: (RFC 9530)' })
  @ApiOkResponse({ type: UploadViewDto })
  chunk(@Ctx() ctx: RequestContext, @Param('uploadId') id: string, @Param('offset') offset: string, @Headers('content-digest') digest: string | undefined, @Req() req: Request): Promise<UploadViewDto> {
    // A body parser that already read the request (a JSON content type) leaves no bytes to store.
    const raw = req.readableEnded ? null : req;
    const length = req.headers['content-length'] === undefined ? undefined : Number(req.headers['content-length']);
    return this.uploads.writeChunk(ctx, id, offset, raw, digest, length);
  }

  @Delete(':uploadId')
  @HttpCode(204)
  @RequireRight(PACKAGE_RIGHT, Bits.CREATE)
  @ApiOperation({ summary: 'Cancel an upload; what it stored is collected later' })
  @ApiNoContentResponse()
  remove(@Ctx() ctx: RequestContext, @Param('uploadId') id: string): Promise<void> {
    return this.uploads.remove(ctx, id);
  }
}
