// XMP metadata packet: PDF/UA asks for the title (dc:title) in XMP, not only in the Info dictionary.

export interface XmpFields {
  title: string;
  author: string;
  subject: string;
  keywords: readonly string[];
  language: string;
  creatorTool: string;
  producer: string;
  date: Date;
}

function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function alt(value: string): string {
  return `<rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(value)}</rdf:li></rdf:Alt>`;
}

function list(kind: 'Bag' | 'Seq', values: readonly string[]): string {
  return `<rdf:${kind}>${values.map((value) => `<rdf:li>${escapeXml(value)}</rdf:li>`).join('')}</rdf:${kind}>`;
}

/** The packet as UTF-8 bytes, ready to be stored in the catalog's /Metadata stream. */
export function buildXmp(fields: XmpFields): Uint8Array {
  const date = fields.date.toISOString();
  const lines = [
    '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">',
    '<dc:format>application/pdf</dc:format>',
    `<dc:title>${alt(fields.title)}</dc:title>`,
    `<dc:creator>${list('Seq', [fields.author])}</dc:creator>`,
    `<dc:description>${alt(fields.subject)}</dc:description>`,
    `<dc:language>${list('Bag', [fields.language])}</dc:language>`,
    ...(fields.keywords.length === 0
      ? []
      : [`<dc:subject>${list('Bag', fields.keywords)}</dc:subject>`, `<pdf:Keywords>${escapeXml(fields.keywords.join(', '))}</pdf:Keywords>`]),
    `<pdf:Producer>${escapeXml(fields.producer)}</pdf:Producer>`,
    `<xmp:CreatorTool>${escapeXml(fields.creatorTool)}</xmp:CreatorTool>`,
    `<xmp:CreateDate>${date}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${date}</xmp:ModifyDate>`,
    `<xmp:MetadataDate>${date}</xmp:MetadataDate>`,
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
  ];
  return new TextEncoder().encode(lines.join('\n'));
}
