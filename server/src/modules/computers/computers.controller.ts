import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Query, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Bits, CoreRight } from '@parc/contracts';
import type { Response } from 'express';
import { IdPipe } from '../../common/http/id-param.pipe';
import { resolveList } from '../../common/http/list-query.dto';
import { Ctx, RequireRight } from '../../sdk/access.decorators';
import type { RequestContext } from '../../sdk/request-context';
import { AgentsService } from '../agents/agents.service';
import { AgentPageDto } from '../agents/dto/agent.dto';
import { ComputersService } from './computers.service';
import {
  ComputerExportQueryDto,
  ComputerIdsDto,
  ComputerPageDto,
  ComputerSearchQueryDto,
  ComputerSoftwarePageDto,
  ComputerViewDto,
  DiskPageDto,
  HistoryPageDto,
  HistoryQueryDto,
  NetworkPageDto,
  SearchFieldListDto,
  SoftwareQueryDto,
  UpdateComputerDto,
} from './dto/computer.dto';

@ApiTags('computers')
@Controller('computers')
export class ComputersController {
  constructor(
    private readonly computers: ComputersService,
    private readonly agents: AgentsService,
  ) {}

  @Get()
  @RequireRight(CoreRight.COMPUTER, Bits.READ)
  @ApiOperation({ summary: 'Search computers: quick filter q and criteria (JSON), paginated and sorted' })
  @ApiOkResponse({ type: ComputerPageDto })
  list(@Ctx() ctx: RequestContext, @Query() query: ComputerSearchQueryDto): Promise<ComputerPageDto> {
    return this.computers.list(ctx, query);
  }

  @Get('ids')
  @RequireRight(CoreRight.COMPUTER, Bits.READ)
  @ApiOperation({ summary: 'Every id matching a search (for a selection across pages)' })
  @ApiOkResponse({ type: ComputerIdsDto })
  ids(@Ctx() ctx: RequestContext, @Query() query: ComputerSearchQueryDto): Promise<ComputerIdsDto> {
    return this.computers.ids(ctx, query);
  }

  @Get('export.csv')
  @RequireRight(CoreRight.COMPUTER, Bits.READ)
  @ApiOperation({ summary: 'CSV of a search (or of a selection of ids), streamed' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'text/csv, UTF-8 with a byte order mark' })
  exportCsv(@Ctx() ctx: RequestContext, @Query() query: ComputerExportQueryDto, @Res() res: Response): Promise<void> {
    return this.computers.exportCsv(ctx, query, res);
  }

  @Get('search-fields')
  @RequireRight(CoreRight.COMPUTER, Bits.READ)
  @ApiOperation({ summary: 'The fields of the criteria search, with their operators (core and plugins)' })
  @ApiOkResponse({ type: SearchFieldListDto })
  searchFields(): SearchFieldListDto {
    return this.computers.searchFields();
  }

  @Get(':id')
  @RequireRight(CoreRight.COMPUTER, Bits.READ)
  @ApiOperation({ summary: 'One computer: identity, OS, hardware, CPUs, users, its latest agent' })
  @ApiOkResponse({ type: ComputerViewDto })
  @ApiNotFoundResponse()
  get(@Ctx() ctx: RequestContext, @Param('id', IdPipe) id: number): Promise<ComputerViewDto> {
    return this.computers.get(ctx, id);
  }

  @Patch(':id')
  @RequireRight(CoreRight.COMPUTER, Bits.UPDATE)
  @ApiOperation({ summary: 'Rename a computer or move it to another entity' })
  @ApiOkResponse({ type: ComputerViewDto })
  update(@Ctx() ctx: RequestContext, @Param('id', IdPipe) id: number, @Body() dto: UpdateComputerDto): Promise<ComputerViewDto> {
    return this.computers.update(ctx, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequireRight(CoreRight.COMPUTER, Bits.DELETE)
  @ApiOperation({ summary: 'Delete a computer and its inventory (its agents stay, unlinked)' })
  remove(@Ctx() ctx: RequestContext, @Param('id', IdPipe) id: number): Promise<void> {
    return this.computers.remove(ctx, id);
  }

  @Get(':id/software')
  @RequireRight(CoreRight.COMPUTER, Bits.READ)
  @ApiOperation({ summary: 'Software installed on a computer (sort: name, publisher, version)' })
  @ApiOkResponse({ type: ComputerSoftwarePageDto })
  software(@Ctx() ctx: RequestContext, @Param('id', IdPipe) id: number, @Query() query: SoftwareQueryDto): Promise<ComputerSoftwarePageDto> {
    return this.computers.software(ctx, id, query);
  }

  @Get(':id/disks')
  @RequireRight(CoreRight.COMPUTER, Bits.READ)
  @ApiOperation({ summary: 'Volumes of a computer: mount point, file system, total and free space' })
  @ApiOkResponse({ type: DiskPageDto })
  disks(@Ctx() ctx: RequestContext, @Param('id', IdPipe) id: number): Promise<DiskPageDto> {
    return this.computers.disks(ctx, id);
  }

  @Get(':id/network')
  @RequireRight(CoreRight.COMPUTER, Bits.READ)
  @ApiOperation({ summary: 'Network interfaces of a computer' })
  @ApiOkResponse({ type: NetworkPageDto })
  network(@Ctx() ctx: RequestContext, @Param('id', IdPipe) id: number): Promise<NetworkPageDto> {
    return this.computers.network(ctx, id);
  }

  @Get(':id/agents')
  @RequireRight(CoreRight.COMPUTER, Bits.READ)
  @ApiOperation({ summary: 'Agents that reported this computer, most recent first' })
  @ApiOkResponse({ type: AgentPageDto })
  async agentsOf(@Ctx() ctx: RequestContext, @Param('id', IdPipe) id: number): Promise<AgentPageDto> {
    await this.computers.visible(ctx, id);
    return this.agents.ofComputer(id);
  }

  @Get(':id/history')
  @RequireRight(CoreRight.COMPUTER, Bits.READ)
  @ApiOperation({ summary: 'What each inventory changed on this computer, newest first' })
  @ApiOkResponse({ type: HistoryPageDto })
  history(@Ctx() ctx: RequestContext, @Param('id', IdPipe) id: number, @Query() query: HistoryQueryDto): Promise<HistoryPageDto> {
    return this.computers.history(ctx, id, resolveList(query, { at: 'at' }, '-at'));
  }
}
