import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Bits, CoreRight } from '@parc/contracts';
import { Contributions } from '../../plugin-host/contributions';
import { RequireRight } from '../../sdk/access.decorators';
import { PluginListDto } from './dto/plugin.dto';

@ApiTags('plugins')
@Controller('plugins')
export class PluginsController {
  constructor(private readonly contributions: Contributions) {}

  @Get()
  @RequireRight(CoreRight.PLUGIN, Bits.READ)
  @ApiOperation({ summary: 'The enabled plugins and what each contributes' })
  @ApiOkResponse({ type: PluginListDto })
  list(): PluginListDto {
    const items = this.contributions.pluginViews();
    return { items, total: items.length };
  }
}
