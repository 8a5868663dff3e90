import { createReadStream } from 'node:fs';
import { SaxesParser } from 'saxes';

// Streaming an export file: saxes reads the XML as it comes off the disk, and only the elements a
// reader asks for (a WordPress <item>, a Disqus <post>) are built, as small trees handed over one
// at a time; the rest of the file is never held in memory. The text is decoded as the XML
// declaration says (UTF-8 by default, ISO-8859-1 or windows-1252 for old WordPress sites); a byte
// that is not of that encoding becomes U+FFFD, which `hasBadBytes` lets the caller find in an item.

/** An element of the file: its attributes, its children in order and its text (CDATA included). */
export type XmlElement = { name: string; attributes: Record<string, string>; children: XmlElement[]; text: string };

/** Why a file stopped being read before its end. */
export type XmlStop = { kind: 'truncated' | 'malformed'; line: number; message: string };

/** What reading a file found: its root element's name and attributes, how it ended. */
export type XmlReading = { root: string | null; rootAttributes: Record<string, string>; stop: XmlStop | null };

/** The first child named `name`, or undefined. */
export function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return element?.children.find((candidate) => candidate.name === name);
}

/** The text of the first child named `name`, trimmed ('' when absent). */
export function childText(element: XmlElement | undefined, name: string): string {
  return child(element, name)?.text.trim() ?? '';
}

/** Every child named `name`. */
export function children(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((candidate) => candidate.name === name);
}

/**
 * A copy of `text` that holds nothing else: the parser's strings are slices of the chunk they came
 * in, and a short one kept (a post's title, for the second pass) would keep its whole chunk alive.
 */
export function own(text: string): string {
  return text === '' ? '' : (JSON.parse(JSON.stringify(text)) as string);
}

export const REPLACEMENT = '\uFFFD';

/** Whether an element's text, or a descendant's, holds bytes the file's encoding could not read. */
export function hasBadBytes(element: XmlElement): boolean {
  return element.text.includes(REPLACEMENT) || element.children.some(hasBadBytes);
}

const ENCODINGS: Record<string, string> = { 'utf-8': 'utf-8', utf8: 'utf-8', 'iso-8859-1': 'windows-1252', latin1: 'windows-1252', 'iso-8859-15': 'iso-8859-15', 'windows-1252': 'windows-1252' };

/** The encoding the XML declaration names at the start of `head` (UTF-8 when it names none). */
export function declaredEncoding(head: Buffer): string {
  const declaration = /^(?:\uFEFF)?<\?xml[^?]*encoding=["']([A-Za-z0-9_.-]+)["']/.exec(head.toString('latin1'));
  const name = declaration?.[1]?.toLowerCase() ?? 'utf-8';
  const encoding = ENCODINGS[name];
  if (!encoding) throw new Error(`l’encodage « ${declaration?.[1]} » déclaré par le fichier n’est pas lu par l’import (UTF-8, ISO-8859-1, ISO-8859-15, windows-1252).`);
  return encoding;
}

/**
 * Reads `file`, calling `onElement` (awaited, so that the file is read no faster than the
 * elements are handled) for every element whose path from the root (`rss/channel/item`) is in
 * `wanted`. A truncated or malformed file ends the reading with `stop` set: the elements complete
 * before it were handed over.
 */
export async function readElements(
  file: string,
  wanted: ReadonlySet<string>,
  onElement: (path: string, element: XmlElement) => void | Promise<void>,
  /** Called with the root element as soon as it is read: throw to stop reading a file of another kind. */
  onRoot: (name: string, attributes: Record<string, string>) => void = () => undefined,
): Promise<XmlReading> {
  const parser = new SaxesParser({ position: true });
  const stack: string[] = [];
  const building: XmlElement[] = [];
  const ready: Array<{ path: string; element: XmlElement }> = [];
  const reading: XmlReading = { root: null, rootAttributes: {}, stop: null };
  let failure: XmlStop | null = null;
  // Elements completed after the first error are not to be trusted.
  let trusted = Infinity;
  parser.on('error', (error) => {
    if (failure) return;
    failure = { kind: 'malformed', line: parser.line, message: error.message.replace(/^[^:]*:\d+:\d+: /, '') };
    trusted = ready.length;
  });
  parser.on('opentag', (tag) => {
    const attributes = tag.attributes as Record<string, string>;
    if (stack.length === 0) {
      reading.root = tag.name;
      reading.rootAttributes = attributes;
      onRoot(tag.name, attributes);
    }
    stack.push(tag.name);
    const current = building[building.length - 1];
    if (current) {
      const element: XmlElement = { name: tag.name, attributes, children: [], text: '' };
      current.children.push(element);
      building.push(element);
    } else if (wanted.has(stack.join('/'))) {
      building.push({ name: tag.name, attributes, children: [], text: '' });
    }
  });
  const addText = (text: string) => {
    const current = building[building.length - 1];
    if (current) current.text += text;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => {
    const path = stack.join('/');
    stack.pop();
    const element = building.pop();
    if (element && building.length === 0) ready.push({ path, element });
  });

  const stream = createReadStream(file, { highWaterMark: 256 * 1024 });
  let decoder: TextDecoder | null = null;
  const flush = async () => {
    for (const { path, element } of ready.splice(0)) await onElement(path, element);
  };
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      decoder ??= new TextDecoder(declaredEncoding(chunk));
      parser.write(decoder.decode(chunk, { stream: true }));
      if (failure) break;
      await flush();
    }
  } finally {
    stream.destroy();
  }
  if (!failure) {
    if (decoder) parser.write(decoder.decode());
    if (stack.length > 0 || reading.root === null) {
      failure = { kind: 'truncated', line: parser.line, message: stack.length > 0 ? `<${stack[stack.length - 1]}> n’est jamais refermé` : 'le fichier est vide' };
    } else {
      parser.close();
    }
  }
  ready.length = Math.min(ready.length, trusted);
  await flush();
  reading.stop = failure;
  return reading;
}
