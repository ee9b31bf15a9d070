import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { LocalizedText, MassActionView, MenuEntry, PluginView, RightDefinition, TabView } from '@parc/contracts';

export class LocalizedTextDto implements LocalizedText {
  @ApiProperty() en: string;
  @ApiPropertyOptional() fr?: string;
}

export class MenuEntryDto implements MenuEntry {
  @ApiProperty({ example: '/deploy' }) path: string;
  @ApiProperty({ type: LocalizedTextDto }) label: LocalizedTextDto;
  @ApiProperty({ example: 'rocket_launch' }) icon: string;
  @ApiPropertyOptional() right?: string;
  @ApiPropertyOptional() order?: number;
  @ApiPropertyOptional() plugin?: string;
}

export class MassActionViewDto implements MassActionView {
  @ApiProperty() key: string;
  @ApiProperty() itemType: string;
  @ApiProperty({ type: LocalizedTextDto }) label: LocalizedTextDto;
  @ApiPropertyOptional({ type: LocalizedTextDto }) confirm?: LocalizedTextDto;
  @ApiPropertyOptional() plugin?: string;
}

class RightDto implements RightDefinition {
  @ApiProperty() name: string;
  @ApiProperty({ type: LocalizedTextDto }) label: LocalizedTextDto;
  @ApiProperty() bits: number;
  @ApiPropertyOptional() plugin?: string;
}

export class TabDto implements TabView {
  @ApiProperty() itemType: string;
  @ApiProperty() key: string;
  @ApiProperty({ type: LocalizedTextDto }) label: LocalizedTextDto;
  @ApiPropertyOptional() right?: string;
  @ApiProperty() plugin: string;
}

export class PluginViewDto implements PluginView {
  @ApiProperty() name: string;
  @ApiProperty() version: string;
  @ApiProperty() coreRange: string;
  @ApiProperty() description: string;
  @ApiProperty({ type: [RightDto] }) rights: RightDto[];
  @ApiProperty({ type: [MenuEntryDto] }) menu: MenuEntryDto[];
  @ApiProperty({ type: [MassActionViewDto] }) massActions: MassActionViewDto[];
  @ApiProperty({ type: [TabDto] }) tabs: TabDto[];
  @ApiProperty({ type: [String] }) periodicJobs: string[];
  @ApiProperty({ type: [String] }) queues: string[];
}

export class PluginListDto {
  @ApiProperty({ type: [PluginViewDto] }) items: PluginViewDto[];
  @ApiProperty() total: number;
}

export class MenuListDto {
  @ApiProperty({ type: [MenuEntryDto] }) items: MenuEntryDto[];
  @ApiProperty() total: number;
}

export class TabListDto {
  @ApiProperty({ type: [TabDto] }) items: TabDto[];
  @ApiProperty() total: number;
}
