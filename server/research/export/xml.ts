/** What XML 1.0 cannot hold at all (control characters but tab and line breaks, lone surrogates, U+FFFE/F); dropped. */
const notXml = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text for an XML attribute value or element content. */
export function xmlText(value: string): string {
  return value.replace(notXml, '').replace(/[&<>"']/g, (c) => entities[c]!);
}
