import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import type { AgentKind } from '@parc/contracts';
import type { AppConfig } from '../../common/config/config';
import { APP_CONFIG } from '../../common/config/config.module';
import type { AgentState } from './agent-registry';
import { AgentRegistry } from './agent-registry';
import { IngestionService } from './ingestion/ingestion.service';
import { InventorySettingsService } from './inventory-settings.service';
import { agentFromUserAgent, assertDeviceId, decodeAgentBody, encodeReply, type MessageEncoding, replyContentType } from './protocol/agent-message';
import { AgentXmlError, parseAgentXml, textOf, type XmlObject } from './protocol/agent-xml';
import { readInventory } from './protocol/inventory-document';

export interface AgentReply {
  contentType: string;
  body: Buffer;
}

/**
 * An agent asked up to 10% earlier than its period is still sent for an inventory: agents subtract a random
 * delay from PROLOG_FREQ, and a strict comparison would make every other contact skip its inventory.
 */
const EARLY_TOLERANCE = 0.9;

/** Handles the XML messages of FusionInventory, GLPI and OCS Inventory agents: PROLOG and INVENTORY. */
@Injectable()
export class AgentIntakeService {
  private readonly replies = new Map<string, Buffer>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly registry: AgentRegistry,
    private readonly ingestion: IngestionService,
    private readonly settings: InventorySettingsService,
  ) {}

  async handle(body: unknown, headers: { userAgent?: string; remoteAddress: string }): Promise<AgentReply> {
    const agent = agentFromUserAgent(headers.userAgent);
    if (!agent) throw new BadRequestException(`Unsupported agent: expected a FusionInventory, GLPI or OCS Inventory agent User-Agent (got '${(headers.userAgent ?? '').slice(0, 100)}')`);
    if (!Buffer.isBuffer(body)) throw new BadRequestException('Expected an XML message body');
    const { xml, encoding } = await decodeAgentBody(body, this.config.agentMaxXmlBytes);
    let message: { root: string; value: unknown };
    try {
      message = parseAgentXml(xml);
    } catch (error) {
      if (error instanceof AgentXmlError) throw new BadRequestException(`Malformed XML: ${error.message}`);
      throw error;
    }
    if (message.root !== 'REQUEST') throw new BadRequestException(`The root element must be REQUEST (got ${message.root})`);
    const request = message.value as XmlObject;
    const query = textOf(request, 'QUERY');
    const deviceId = textOf(request, 'DEVICEID').trim();
    assertDeviceId(deviceId);
    const identity = { deviceId, kind: agent.kind, version: agent.version, userAgent: headers.userAgent ?? '', remoteAddress: headers.remoteAddress };

    switch (query) {
      case 'PROLOG': {
        const state = await this.registry.contact(identity);
        const { frequencyHours } = await this.settings.get();
        return this.reply(agent.kind, encoding, this.prologXml(agent.kind, this.inventoryDue(state, frequencyHours), frequencyHours));
      }
      case 'INVENTORY': {
        const content = request.CONTENT;
        if (!content || typeof content !== 'object' || Array.isArray(content)) throw new BadRequestException('An INVENTORY message needs a CONTENT element');
        await this.ingestion.ingest(readInventory(content), identity);
        return this.reply(agent.kind, encoding, this.inventoryXml(agent.kind));
      }
      default:
        throw new BadRequestException(`Unknown QUERY '${query.slice(0, 50)}': expected PROLOG or INVENTORY`);
    }
  }

  private inventoryDue(state: AgentState, frequencyHours: number): boolean {
    if (!state.computerId || state.lastInventoryAt === null) return true;
    return Date.now() - state.lastInventoryAt >= frequencyHours * 3_600_000 * EARLY_TOLERANCE;
  }

  /** FusionInventory/GLPI agents read PROLOG_FREQ and RESPONSE=SEND; the OCS agent wants SEND or STOP. */
  private prologXml(kind: AgentKind, send: boolean, frequencyHours: number): string {
    if (kind === 'ocs') {
      return `<?xml version='1.0' encoding='UTF-8'?>\n<REPLY>\n  <RESPONSE>${send ? 'SEND' : 'STOP'}</RESPONSE>\n  <PROLOG_FREQ>${frequencyHours}</PROLOG_FREQ>\n</REPLY>\n`;
    }
    return `<?xml version="1.0" encoding="UTF-8"?>\n<REPLY>\n  <PROLOG_FREQ>${frequencyHours}</PROLOG_FREQ>\n${send ? '  <RESPONSE>SEND</RESPONSE>\n' : ''}</REPLY>\n`;
  }

  private inventoryXml(kind: AgentKind): string {
    return kind === 'ocs'
      ? `<?xml version='1.0' encoding='UTF-8'?>\n<REPLY>\n  <RESPONSE>NO_ACCOUNT_UPDATE</RESPONSE>\n</REPLY>\n`
      : `<?xml version="1.0" encoding="UTF-8"?>\n<REPLY>\n</REPLY>\n`;
  }

  /** Replies are few and identical for many agents: each is encoded once per process. */
  private async reply(kind: AgentKind, encoding: MessageEncoding, xml: string): Promise<AgentReply> {
    const key = `${encoding}\u0000${xml}`;
    let body = this.replies.get(key);
    if (!body) {
      body = await encodeReply(xml, encoding);
      this.replies.set(key, body);
    }
    return { contentType: replyContentType(kind, encoding), body };
  }
}
