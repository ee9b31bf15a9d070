import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Bits, Ctx, IdPipe, type RequestContext, RequireRight } from '@parc/sdk';
import type { Request } from 'express';
import { PARTS_PREFIX } from '../files/parts.route';
import { MIRROR_RIGHT } from '../rights';
import { CreateMirrorDto, MirrorListQueryDto, MirrorPageDto, MirrorsForDto, MirrorsForQueryDto, MirrorViewDto, UpdateMirrorDto } from './dto/mirror.dto';
import { MirrorsService } from './mirrors.service';

@ApiTags('deploy mirrors')
@Controller('deploy/mirrors')
export class MirrorsController {
  constructor(private readonly mirrors: MirrorsService) {}

  @Get()
  @RequireRight(MIRROR_RIGHT, Bits.READ)
  @ApiOperation({ summary: 'Part mirrors visible in the active scope' })
  @ApiOkResponse({ type: MirrorPageDto })
  list(@Ctx() ctx: RequestContext, @Query() query: MirrorListQueryDto): Promise<MirrorPageDto> {
    return this.mirrors.list(ctx, query);
  }

  @Get('for')
  @RequireRight(MIRROR_RIGHT, Bits.READ)
  @ApiOperation({ summary: 'The mirror list an agent of this entity and address gets, the server last' })
  @ApiOkResponse({ type: MirrorsForDto })
  async preview(@Ctx() ctx: RequestContext, @Query() query: MirrorsForQueryDto, @Req() req: Request): Promise<MirrorsForDto> {
    return { mirrors: await this.mirrors.previewFor(ctx, query.entityId, query.address, `${req.protocol}://${req.get('host')}${PARTS_PREFIX}`) };
  }

  @Post()
  @RequireRight(MIRROR_RIGHT, Bits.CREATE)
  @ApiOperation({ summary: 'Declare a mirror of the repository' })
  @ApiCreatedResponse({ type: MirrorViewDto })
  create(@Ctx() ctx: RequestContext, @Body() dto: CreateMirrorDto): Promise<MirrorViewDto> {
    return this.mirrors.create(ctx, dto);
  }

  @Patch(':id')
  @RequireRight(MIRROR_RIGHT, Bits.UPDATE)
  @ApiOperation({ summary: 'Change a mirror' })
  @ApiOkResponse({ type: MirrorViewDto })
  update(@Ctx() ctx: RequestContext, @Param('id', IdPipe) id: number, @Body() dto: UpdateMirrorDto): Promise<MirrorViewDto> {
    return this.mirrors.update(ctx, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequireRight(MIRROR_RIGHT, Bits.DELETE)
  @ApiOperation({ summary: 'Delete a mirror' })
  @ApiNoContentResponse()
  remove(@Ctx() ctx: RequestContext, @Param('id', IdPipe) id: number): Promise<void> {
    return this.mirrors.remove(ctx, id);
  }
}
