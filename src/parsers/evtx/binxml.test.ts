import { describe, expect, it } from 'vitest';
import { decodeChunk } from './index.ts';
import type { EvtxRecord } from './index.ts';
import { BinXmlWriter, buildChunk } from './testdata/build-chunk.ts';

function decodeOne(writer: BinXmlWriter): EvtxRecord {
  const records = [...decodeChunk(buildChunk(writer.bytes))];
  expect(records).toHaveLength(1);
  return records[0] as EvtxRecord;
}
function documentOf(writer: BinXmlWriter): Record<string, unknown> {
  const record = decodeOne(writer);
  if (record.kind !== 'document') throw new Error(`record skipped: ${record.reason}`);
  return record.document;
}
const u16 = (...values: number[]) => new Uint8Array(new Uint16Array(values).buffer);
const utf16 = (text: string) => new Uint8Array(Buffer.from(text, 'utf16le'));
const bytes = (size: number, write: (buf: Buffer) => void) => {
  const buf = Buffer.alloc(size);
  write(buf);
  return new Uint8Array(buf);
};

describe('binary XML tokens', () => {
  it('reads elements, attributes, CDATA, character and entity references and processing instructions', () => {
    const w = new BinXmlWriter().fragment();
    w.open('Event').closeStart();
    w.open('System').closeStart();
    w.open('Provider', true).attribute('Name').text('Demo "Provider"').closeEmpty();
    w.open('EventID').closeStart().text('4625').end();
    w.open('TimeCreated', true).attribute('SystemTime').text('2024-03-04 10:15:02.5').closeEmpty();
    w.end();
    w.open('EventData').closeStart();
    w.open('Data', true).attribute('Name').text('Script').closeStart().u8(0x07).u16(5).utf16('a<b&c').end();
    w.open('Data', true).attribute('Name').text('Refs').closeStart();
    w.u8(0x08).u16(0x41).u8(0x09).name('amp').text('x').end();
    w.end();
    w.u8(0x0a).name('target').u8(0x0b).u16(4).utf16('data');
    w.end().eof();
    const doc = documentOf(w);
    expect(doc['@timestamp']).toBe('2024-03-04T10:15:02.500000Z');
    expect(doc.event).toMatchObject({ code: '4625', provider: 'Demo "Provider"' });
    expect((doc.winlog as Record<string, unknown>).event_data).toEqual({ Script: 'a<b&c', Refs: 'A&x' });
    expect((doc.event as { original: string }).original).toBe(
      '<Event><System><Provider Name="Demo &quot;Provider&quot;"/><EventID>4625</EventID>' +
        '<TimeCreated SystemTime="2024-03-04 10:15:02.5"/></System><EventData>' +
        '<Data Name="Script">a&lt;b&amp;c</Data><Data Name="Refs">A&amp;x</Data></EventData>' +
        '<?target data?></Event>',
    );
  });

  it('fills a template with substitution values of every type, as python-evtx renders them', () => {
    const types: Array<[string, number, Uint8Array]> = [
      ['String', 0x01, utf16('héllo\0')],
      ['Int8', 0x03, bytes(1, (b) => b.writeInt8(-5))],
      ['UInt16', 0x06, u16(65535)],
      ['Int32', 0x07, bytes(4, (b) => b.writeInt32LE(-2))],
      ['UInt64', 0x0a, bytes(8, (b) => b.writeBigUInt64LE(2n ** 64n - 1n))],
      ['Double', 0x0c, bytes(8, (b) => b.writeDoubleLE(1.5))],
      ['Bool', 0x0d, bytes(4, (b) => b.writeUInt32LE(1))],
      ['Binary', 0x0e, new Uint8Array([1, 2, 255])],
      [
        'Guid',
        0x0f,
        new Uint8Array([
          0x33, 0x22, 0x11, 0x00, 0x55, 0x44, 0x77, 0x66, 0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff,
        ]),
      ],
      // 2024-03-04 10:15:02.1234560 UTC; python-evtx's float arithmetic makes it .123455
      ['FileTime', 0x11, bytes(8, (b) => b.writeBigUInt64LE(133540209021234560n))],
      ['SystemTime', 0x12, u16(2024, 3, 1, 4, 10, 15, 2, 500)],
      ['Sid', 0x13, new Uint8Array([1, 3, 0, 0, 0, 0, 0, 5, 21, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0])],
      ['Hex32', 0x14, bytes(4, (b) => b.writeUInt32LE(0x1a))],
      ['Hex64', 0x15, bytes(8, (b) => b.writeBigUInt64LE(0x3e7n))],
    ];
    const w = new BinXmlWriter().fragment();
    const values: Array<[number, Uint8Array]> = types.map(([, type, data]) => [type, data]);
    values.push(
      [0x81, utf16('first\0second\0')],
      [0x11, bytes(8, (b) => b.writeBigUInt64LE(133540209020000000n))],
      [0x00, new Uint8Array()],
    );
    const arrayIndex = types.length;
    w.template((t) => {
      t.fragment().open('Event').closeStart().open('System').closeStart();
      t.open('TimeCreated', true)
        .attribute('SystemTime')
        .sub(arrayIndex + 1, 0x11)
        .closeEmpty();
      t.open('Correlation', true)
        .attribute('ActivityID')
        .sub(arrayIndex + 2, 0x0f, true)
        .closeEmpty();
      t.end().open('EventData').closeStart();
      types.forEach(([name, type], index) => {
        t.open('Data', true).attribute('Name').text(name).closeStart().sub(index, type).end();
      });
      t.open('Data').closeStart().sub(arrayIndex, 0x81).end();
      t.end().end().eof();
    }, values);
    w.eof();
    const doc = documentOf(w);
    expect(doc['@timestamp']).toBe('2024-03-04T10:15:02Z');
    expect((doc.winlog as Record<string, unknown>).event_data).toEqual({
      String: 'héllo',
      Int8: '-5',
      UInt16: '65535',
      Int32: '-2',
      UInt64: '18446744073709551615',
      Double: '1.5',
      Bool: 'True',
      Binary: 'AQL/',
      Guid: '{00112233-4455-6677-8899-aabbccddeeff}',
      FileTime: '2024-03-04 10:15:02.123455',
      SystemTime: '2024-03-04 10:15:02.500000',
      Sid: 'S-1-5-21-1-2',
      Hex32: '0x0000001a',
      Hex64: '0x00000000000003e7',
      param1: 'first',
      param2: 'second',
    });
    // An optional substitution with no value leaves no attribute.
    expect((doc.event as { original: string }).original).toContain('<Correlation/>');
  });
});

describe('hostile binary XML', () => {
  it('counts elements nested beyond the limit as a corrupt record', () => {
    const w = new BinXmlWriter().fragment();
    for (let i = 0; i < 100; i++) w.open('E').closeStart();
    for (let i = 0; i < 100; i++) w.end();
    w.eof();
    expect(decodeOne(w)).toEqual({ kind: 'skip', reason: 'corrupt-record' });
  });

  it('counts a template that instantiates itself as a corrupt record', () => {
    const w = new BinXmlWriter().fragment();
    const definitionAt = w.pos + 10;
    w.template((t) => {
      t.fragment().u8(0x0c, 0x01).u32(1).u32(definitionAt).u32(0).eof();
    }, []);
    w.eof();
    expect(decodeOne(w)).toEqual({ kind: 'skip', reason: 'corrupt-record' });
  });

  it('counts an unknown token and a name beyond the chunk as corrupt records', () => {
    expect(decodeOne(new BinXmlWriter().fragment().u8(0x1f).eof())).toEqual({
      kind: 'skip',
      reason: 'corrupt-record',
    });
    const farName = new BinXmlWriter()
      .fragment()
      .u8(0x01)
      .u16(0xffff)
      .u32(0)
      .u32(0xfffffff0)
      .closeEmpty()
      .eof();
    expect(decodeOne(farName)).toEqual({ kind: 'skip', reason: 'corrupt-record' });
  });
});
