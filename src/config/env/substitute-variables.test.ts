import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { maskReferences } from './mask-references.ts';
import { substituteVariables } from './substitute-variables.ts';

function substitute(text: string, variables: Record<string, string>) {
  const masked = maskReferences(text);
  const doc = parseDocument(masked ?? text);
  const result = substituteVariables(doc, (name) => variables[name], { masked: masked !== undefined });
  return { data: doc.toJS() as unknown, ...result };
}

describe('substituteVariables', () => {
  it('replaces references inside values, several per value, and records what was supplied', () => {
    const { data, issues, supplied } = substitute('url: https://${HOST}:${PORT}/x\nlist: [${HOST}]\n', {
      HOST: 'example.com',
      PORT: '8443',
    });
    expect(issues).toEqual([]);
    expect(data).toEqual({ url: 'https://example.com:8443/x', list: ['example.com'] });
    expect(supplied).toEqual(['example.com', '8443', 'example.com']);
  });

  it('never lets a value change the structure: YAML syntax in a variable stays text', () => {
    const injected = 'x\nroutes: []\nadmin: { enabled: true }';
    const { data } = substitute('room: ${ROOM}\nnumbers: "${N}"\n', { ROOM: injected, N: '[1, 2]' });
    expect(data).toEqual({ room: injected, numbers: '[1, 2]' });
  });

  it('keeps a number-looking value a string', () => {
    expect(substitute('port: ${PORT}\n', { PORT: '25' }).data).toEqual({ port: '25' });
  });

  it('leaves keys alone', () => {
    expect(substitute('${KEY}: 1\n', { KEY: 'k' }).data).toEqual({ '${KEY}': 1 });
  });

  it('uses the default of ${NAME:-default} only when the variable is not set', () => {
    const text = 'a: ${SET:-fallback}\nb: ${UNSET:-fallback}\nc: ${UNSET:-}\n';
    expect(substitute(text, { SET: 'given' }).data).toEqual({ a: 'given', b: 'fallback', c: '' });
  });

  it('turns $${ into a literal ${', () => {
    expect(substitute('a: $${NAME} costs $5\n', {}).data).toEqual({ a: '${NAME} costs $5' });
  });

  it('reports each unset variable by name at the path of the value', () => {
    const { issues } = substitute('channels:\n  x: { token: "${TOKEN}", to: [a, "${MAIL}"] }\n', {});
    expect(issues).toEqual([
      {
        path: ['channels', 'x', 'token'],
        message: 'variable `TOKEN` is not set (in the environment or .env)',
      },
      {
        path: ['channels', 'x', 'to', 1],
        message: 'variable `MAIL` is not set (in the environment or .env)',
      },
    ]);
  });

  it('reports malformed and unclosed references without quoting them', () => {
    const { issues } = substitute('a: "${not valid}"\nb: "pa55${"\n', {});
    expect(issues.map((issue) => [issue.path, issue.message])).toEqual([
      [['a'], expect.stringContaining('malformed variable reference')],
      [['b'], expect.stringContaining('a `${` is never closed')],
    ]);
    expect(JSON.stringify(issues)).not.toContain('pa55');
  });

  it('substitutes an anchored value once, and its aliases see the result', () => {
    expect(substitute('a: &t ${T}\nb: *t\n', { T: 'tok' }).data).toEqual({ a: 'tok', b: 'tok' });
  });
});
