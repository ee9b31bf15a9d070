import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Bits, CoreRight } from '@parc/contracts';
import { resolveList } from '../../common/http/list-query.dto';
import { Ctx, RequireRight } from '../../sdk/access.decorators';
import type { RequestContext } from '../../sdk/request-context';
import { AuditRepository } from './audit.repository';
import { AuditEventViewDto, AuditPageDto, ListAuditQueryDto } from './dto/audit.dto';

const SORTABLE = { at: 'ev.at', itemType: 'ev.item_type', userLogin: 'ev.user_login', action: 'ev.action' };

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditRepository) {}

  @Get()
  @RequireRight(CoreRight.AUDIT, Bits.READ)
  @ApiOperation({ summary: 'The audit trail: who created, changed or deleted what, with before/after values (sort: at, itemType, userLogin, action)' })
  @ApiOkResponse({ type: AuditPageDto })
  async list(@Ctx() ctx: RequestContext, @Query() query: ListAuditQueryDto): Promise<AuditPageDto> {
    const [rows, total] = await this.audit.list(ctx, resolveList(query, SORTABLE, '-at'), query);
    return { items: rows.map(AuditEventViewDto.from), total };
  }
}
