import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decode } from '../../corpus/decode.js';
import { RejectError } from '../../corpus/problems.js';

const text = '郑州市人民政府\r\n关于进一步加快轨道交通发展的意见\r\n郑政〔2018〕19号 2018年4月7日\r\n';

function rule(bytes: Uint8Array): string {
  try {
    decode(bytes);
  } catch (e) {
    if (e instanceof RejectError) return e.problem.rule;
    throw e;
  }
  return 'accepted';
}

describe('decode', () => {
  it.each([
    ['UTF-8', Buffer.from(text, 'utf8'), 'utf-8'],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]), 'utf-8-bom'],
    ['GB18030', iconv.encode(text, 'gb18030'), 'gb18030'],
    ['GBK', iconv.encode(text, 'gbk'), 'gb18030'],
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), 'utf-16le'],
  ])('%s decodes to the same text', (_name, bytes, encoding) => {
    expect(decode(bytes)).toEqual({ text, encoding });
  });

  it.each([
    ['empty', Buffer.alloc(0), 'decode/empty'],
    ['blank', Buffer.from(' \n\n\t ', 'utf8'), 'decode/empty'],
    ['binary (NUL)', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]), 'decode/binary'],
    ['mixed UTF-8 then GBK', Buffer.concat([Buffer.from(text, 'utf8'), iconv.encode('郑州市人民政府', 'gbk')]), 'decode/invalid-utf8'],
    ['control characters', Buffer.from('郑州\x01\x02市', 'utf8'), 'decode/binary'],
  ])('%s is rejected with a reason', (_name, bytes, expected) => {
    expect(rule(bytes)).toBe(expected);
  });
});
