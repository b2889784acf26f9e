import { describe, expect, it } from 'vitest';
import { parseStructuredData } from './parse-structured-data.ts';

describe('parseStructuredData', () => {
  it('reads elements and parameters, undoing escapes', () => {
    expect(
      parseStructuredData('[exampleSDID@32473 iut="3" eventSource="App\\]li\\"cation"][origin ip="1.2.3.4"]'),
    ).toEqual({
      'exampleSDID@32473': { iut: '3', eventSource: 'App]li"cation' },
      origin: { ip: '1.2.3.4' },
    });
  });

  it('reads an element without parameters', () => {
    expect(parseStructuredData('[meta]')).toEqual({ meta: {} });
  });

  it.each(['', 'garbage', '[a x=1]', '[a x="1"] trailing', '[a x="1"'])('rejects %j', (text) => {
    expect(parseStructuredData(text)).toBeUndefined();
  });
});
