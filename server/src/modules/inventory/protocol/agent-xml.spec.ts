import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AgentXmlError, listOf, parseAgentXml, textOf } from './agent-xml';

const FIXTURES = join(__dirname, '../../../../../e2e/fixtures/agents');

describe('parseAgentXml', () => {
  it('reads elements as text, repeated siblings as arrays, attributes as fields', () => {
    const { root, value } = parseAgentXml(`<?xml version="1.0" encoding="UTF-8" ?>
      <REQUEST>
        <DEVICEID>pc-2026-01-02-03-04-05</DEVICEID>
        <CONTENT>
          <SOFTWARES><NAME>a</NAME></SOFTWARES>
          <SOFTWARES><NAME>b &amp; c</NAME><VERSION>1&#46;0</VERSION></SOFTWARES>
          <DOWNLOAD><HISTORY><PACKAGE ID="17"/><PACKAGE ID='18' /></HISTORY></DOWNLOAD>
          <EMPTY></EMPTY>
          <SELF/>
        </CONTENT>
      </REQUEST>`);
    expect(root).toBe('REQUEST');
    expect(textOf(value, 'DEVICEID')).toBe('pc-2026-01-02-03-04-05');
    const content = (value as Record<string, unknown>).CONTENT as Record<string, unknown>;
    expect(listOf(content, 'SOFTWARES')).toEqual([{ NAME: 'a' }, { NAME: 'b & c', VERSION: '1.0' }]);
    expect(listOf((content.DOWNLOAD as Record<string, unknown>).HISTORY, 'PACKAGE')).toEqual([{ ID: '17' }, { ID: '18' }]);
    expect(content.EMPTY).toBe('');
    expect(content.SELF).toBe('');
    expect(listOf(content, 'MISSING')).toEqual([]);
  });

  it('accepts scalar fields as attributes of the root (the OCS agent does that for DOWNLOAD results)', () => {
    const { value } = parseAgentXml('<REQUEST DEVICEID="pc-2026-01-02-03-04-05" QUERY="DOWNLOAD" ID="12" ERR="SUCCESS" />');
    expect(textOf(value, 'QUERY')).toBe('DOWNLOAD');
    expect(textOf(value, 'ERR')).toBe('SUCCESS');
  });

  it('keeps CDATA and numeric character references, and skips comments', () => {
    const { value } = parseAgentXml('<R><!-- note --><A><![CDATA[x < y]]></A><B>&#x41;&#66;&lt;&gt;&quot;&apos;</B></R>');
    expect(value).toEqual({ A: 'x < y', B: 'AB<>"\'' });
  });

  it.each([
    ['mismatched tags', '<R><A></B></R>', /expected <\/A>/],
    ['unclosed root', '<R><A>x</A>', /not closed/],
    ['text only', 'hello', /no root element/],
    ['two roots', '<R/><S/>', /after the root/],
    ['a DOCTYPE (entity expansion)', '<!DOCTYPE R [<!ENTITY a "aaaa">]><R>&a;</R>', /DOCTYPE/],
    ['a broken attribute', '<R A=1/>', /attribute/],
  ])('refuses %s', (_, xml, message) => {
    expect(() => parseAgentXml(xml)).toThrow(AgentXmlError);
    expect(() => parseAgentXml(xml)).toThrow(message);
  });

  it('refuses nesting deeper than the limit', () => {
    expect(() => parseAgentXml(`${'<A>'.repeat(200)}${'</A>'.repeat(200)}`)).toThrow(/deeper than/);
  });

  it('parses a real OCS agent inventory (367 KB, 923 packages) in a few milliseconds', () => {
    const xml = readFileSync(join(FIXTURES, 'ocs-inventory-linux.xml'), 'utf8');
    parseAgentXml(xml);
    const started = performance.now();
    const { value } = parseAgentXml(xml);
    const elapsed = performance.now() - started;
    const content = (value as Record<string, unknown>).CONTENT;
    expect(listOf(content, 'SOFTWARES')).toHaveLength(923);
    expect(textOf((content as Record<string, unknown>).HARDWARE, 'NAME')).toBe('vm');
    // Generous bound for a loaded CI machine; the benchmark measures the real figure.
    expect(elapsed).toBeLessThan(60);
  });
});
