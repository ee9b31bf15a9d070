import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Bits } from '@parc/contracts';
import { Contributions } from '../../plugin-host/contributions';
import { AnyUser, Ctx } from '../../sdk/access.decorators';
import type { RequestContext } from '../../sdk/request-context';
import { MenuListDto } from '../plugins/dto/plugin.dto';

@ApiTags('ui')
@Controller('ui')
export class UiController {
  constructor(private readonly contributions: Contributions) {}

  @Get('menu')
  @AnyUser()
  @ApiOperation({ summary: 'Navigation entries of the core and plugins that the caller may read in the active scope' })
  @ApiOkResponse({ type: MenuListDto })
  menu(@Ctx() ctx: RequestContext): MenuListDto {
    const items = this.contributions.menu.filter((e) => !e.right || ctx.isSystem || Boolean(ctx.entityIdsWith(e.right, Bits.READ)?.length));
    return { items, total: items.length };
  }
}
