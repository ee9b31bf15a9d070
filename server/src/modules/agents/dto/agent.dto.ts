import { ApiProperty } from '@nestjs/swagger';
import type { AgentKind, AgentView } from '@parc/contracts';
import { ListQueryDto } from '../../../common/http/list-query.dto';

export class AgentViewDto implements AgentView {
  @ApiProperty() id: number;
  @ApiProperty() deviceId: string;
  @ApiProperty({ enum: ['fusioninventory', 'glpi-agent', 'ocs'] }) kind: AgentKind;
  @ApiProperty() version: string;
  @ApiProperty() userAgent: string;
  @ApiProperty() remoteAddress: string;
  @ApiProperty({ type: Number, nullable: true }) httpPort: number | null;
  @ApiProperty() tag: string;
  @ApiProperty() entityId: number;
  @ApiProperty() entityName: string;
  @ApiProperty({ type: Number, nullable: true }) computerId: number | null;
  @ApiProperty({ type: String, nullable: true }) computerName: string | null;
  @ApiProperty({ type: String, nullable: true }) lastContactAt: string | null;
  @ApiProperty() createdAt: string;
}

export class AgentPageDto {
  @ApiProperty({ type: [AgentViewDto] }) items: AgentViewDto[];
  @ApiProperty() total: number;
}

export class ListAgentsQueryDto extends ListQueryDto {}
