import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiPayloadTooLargeResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../sdk/access.decorators';
import { AgentIntakeService } from './agent-intake.service';

/**
 * The URLs agents are configured with. FusionInventory appends /ocsinventory to a bare host; GLPI agent does not;
 * existing GLPI installations point agents at the plugins' paths. They are served outside /api.
 */
export const AGENT_XML_PATHS = ['/', '/ocsinventory', '/plugins/glpiinventory', '/plugins/fusioninventory'];

@ApiTags('agent protocol')
@Controller()
export class AgentIntakeController {
  constructor(private readonly intake: AgentIntakeService) {}

  @Post(AGENT_XML_PATHS)
  @HttpCode(200)
  @Public()
  @ApiOperation({
    summary: 'XML messages of FusionInventory, GLPI and OCS Inventory agents (QUERY PROLOG or INVENTORY), zlib-compressed or plain; answered in the same encoding',
  })
  @ApiConsumes('application/x-compress-zlib', 'application/x-compress', 'application/xml')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiOkResponse({ description: 'A REPLY document, encoded like the request' })
  @ApiBadRequestResponse({ description: 'Not an agent, malformed XML, unknown QUERY or malformed DEVICEID' })
  @ApiPayloadTooLargeResponse({ description: 'Body, or decompressed message, over the configured limit' })
  async message(@Req() req: Request, @Res() res: Response): Promise<void> {
    const reply = await this.intake.handle(req.body, { userAgent: req.headers['user-agent'], remoteAddress: req.ip ?? '' });
    res.status(200).setHeader('Content-Type', reply.contentType);
    res.setHeader('Cache-Control', 'no-cache');
    res.end(reply.body);
  }
}
