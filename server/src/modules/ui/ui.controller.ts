import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { Bits } from '@parc/contracts';
import { Contributions } from '../../plugin-host/contributions';
import { AnyUser, Ctx } from '../../sdk/access.decorators';
import type { RequestContext } from '../../sdk/request-context';
import { MenuListDto, TabListDto } from '../plugins/dto/plugin.dto';

class TabsQueryDto {
  @ApiProperty({ example: 'computer' })
  @IsString()
  @Matches(/^[a-z][a-z0-9_.-]{0,99}$/, { message: 'itemType must be a lower-case item type name' })
  itemType: string;
}

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

  @Get('tabs')
  @AnyUser()
  @ApiOperation({ summary: "Plugin tabs of an item type's page that the caller may read in the active scope" })
  @ApiOkResponse({ type: TabListDto })
  tabs(@Ctx() ctx: RequestContext, @Query() query: TabsQueryDto): TabListDto {
    const items = this.contributions.tabs.filter((t) => t.itemType === query.itemType && (!t.right || ctx.isSystem || Boolean(ctx.entityIdsWith(t.right, Bits.READ)?.length)));
    return { items, total: items.length };
  }
}
