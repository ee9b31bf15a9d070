/**
 * A small, strict XML reader for the messages agents send: elements, attributes, text, CDATA and comments; no
 * DOCTYPE (so no entity expansion), bounded depth. It is several times faster than a general parser on a full
 * inventory (hundreds of KB), which matters at tens of inventories per second.
 *
 * Shape of the result, as the agents' own XML::Simple sees it: an element with neither children nor attributes
 * is its text; otherwise an object whose keys are child names and attributes (repeated children become arrays).
 * Element and attribute order never matter.
 */
export type XmlValue = string | XmlObject;
export interface XmlObject {
  [name: string]: XmlValue | XmlValue[];
}

export class AgentXmlError extends Error {}

const MAX_DEPTH = 64;
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|lt|gt|amp|quot|apos);/g, (whole, ref: string) => {
    if (ref[0] !== '#') return ENTITIES[ref];
    const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

function isBlank(text: string): boolean {
  return !/\S/.test(text);
}

interface Frame {
  name: string;
  fields: XmlObject | null;
  text: string;
}

function add(target: XmlObject, name: string, value: XmlValue): void {
  const existing = target[name];
  if (existing === undefined) target[name] = value;
  else if (Array.isArray(existing)) existing.push(value);
  else target[name] = [existing, value];
}

const NAME_END = /[\s/>]/g;
const ATTRIBUTE = /\s*([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/y;

export function parseAgentXml(xml: string): { root: string; value: XmlValue } {
  const stack: Frame[] = [];
  let root: { root: string; value: XmlValue } | null = null;
  let pos = 0;

  const fail = (message: string): never => {
    throw new AgentXmlError(`${message} (at character ${pos})`);
  };
  const close = (frame: Frame) => {
    const value: XmlValue = frame.fields ?? frame.text.trim();
    const parent = stack[stack.length - 1];
    if (parent) add((parent.fields ??= {}), frame.name, value);
    else root = { root: frame.name, value };
  };

  while (pos < xml.length) {
    const lt = xml.indexOf('<', pos);
    const text = xml.slice(pos, lt === -1 ? xml.length : lt);
    if (text) {
      if (stack.length) stack[stack.length - 1].text += decode(text);
      else if (!isBlank(text)) fail(root ? 'Text after the root element' : 'The document has no root element');
    }
    if (lt === -1) break;
    pos = lt;
    const next = xml.charCodeAt(lt + 1);
    if (next === 0x3f /* ? */) {
      const end = xml.indexOf('?>', lt + 2);
      if (end === -1) fail('Unterminated processing instruction');
      pos = end + 2;
      continue;
    }
    if (next === 0x21 /* ! */) {
      if (xml.startsWith('<!--', lt)) {
        const end = xml.indexOf('-->', lt + 4);
        if (end === -1) fail('Unterminated comment');
        pos = end + 3;
      } else if (xml.startsWith('<![CDATA[', lt)) {
        const end = xml.indexOf(']]>', lt + 9);
        if (end === -1) fail('Unterminated CDATA section');
        if (!stack.length) fail('CDATA outside the root element');
        stack[stack.length - 1].text += xml.slice(lt + 9, end);
        pos = end + 3;
      } else if (xml.startsWith('<!DOCTYPE', lt)) {
        fail('A DOCTYPE is not accepted');
      } else {
        fail('Unexpected markup');
      }
      continue;
    }
    const gt = xml.indexOf('>', lt + 1);
    if (gt === -1) fail('Unterminated tag');
    if (next === 0x2f /* / */) {
      const name = xml.slice(lt + 2, gt).trim();
      const frame = stack.pop();
      if (!frame) fail(`Closing tag </${name}> without an opening tag`);
      if (frame!.name !== name) fail(`Mismatched tags: expected </${frame!.name}> but found </${name}>`);
      close(frame!);
      pos = gt + 1;
      continue;
    }
    if (root && !stack.length) fail('Markup after the root element');
    NAME_END.lastIndex = lt + 1;
    const nameEnd = NAME_END.exec(xml)?.index ?? gt;
    const name = xml.slice(lt + 1, nameEnd);
    if (!name) fail('Empty tag name');
    // Attributes, reading quoted values so that a '>' inside one does not end the tag.
    let fields: XmlObject | null = null;
    let cursor = nameEnd;
    for (;;) {
      ATTRIBUTE.lastIndex = cursor;
      const match = ATTRIBUTE.exec(xml);
      if (!match) break;
      (fields ??= {})[match[1]] = decode(match[2] ?? match[3]);
      cursor = ATTRIBUTE.lastIndex;
    }
    const rest = xml.indexOf('>', cursor);
    if (rest === -1) fail('Unterminated tag');
    const tail = xml.slice(cursor, rest).trim();
    const selfClosing = tail === '/';
    if (tail && !selfClosing) fail(`Malformed attribute in <${name}>`);
    if (stack.length >= MAX_DEPTH) fail(`Elements nested deeper than ${MAX_DEPTH} levels`);
    const frame: Frame = { name, fields, text: '' };
    if (selfClosing) close(frame);
    else stack.push(frame);
    pos = rest + 1;
  }
  if (stack.length) fail(`Element <${stack[stack.length - 1].name}> is not closed`);
  if (!root) fail('The document has no root element');
  return root!;
}

/** The text of a scalar child (element or attribute), '' when absent. */
export function textOf(value: unknown, name: string): string {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return '';
  const child = (value as XmlObject)[name];
  const first = Array.isArray(child) ? child[0] : child;
  return typeof first === 'string' ? first : '';
}

/** The repeated children named `name`, as an array whatever their count. */
export function listOf(value: unknown, name: string): XmlValue[] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [];
  const child = (value as XmlObject)[name];
  if (child === undefined) return [];
  return Array.isArray(child) ? child : [child];
}
