import { describe, expect, it } from 'vitest';
import { readFlowFile } from './readFlowFile';
import { faqMenuTemplate } from './templates/faqMenuTemplate';

describe('readFlowFile', () => {
  it('gives the flow when the file is a valid flow document', () => {
    const flow = faqMenuTemplate({ id: 'faq', name: 'FAQ' });
    expect(readFlowFile(JSON.stringify(flow))).toEqual({ ok: true, flow });
  });

  it('says the file is not JSON when it cannot be parsed', () => {
    const result = readFlowFile('{ nodes: [');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatch(/not valid JSON/);
  });

  it('names the broken field when the document breaks the schema', () => {
    const flow = { ...faqMenuTemplate({ id: 'faq', name: 'FAQ' }), id: 'Not An Id' };
    const result = readFlowFile(JSON.stringify(flow));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.join('\n')).toMatch(/^id: /m);
  });

  it('migrates an unversioned document when the file is old', () => {
    const { schemaVersion: _v, name, ...rest } = faqMenuTemplate({ id: 'faq', name: 'FAQ' });
    const result = readFlowFile(JSON.stringify({ ...rest, title: name }));
    expect(result).toMatchObject({ ok: true, flow: { name: 'FAQ', schemaVersion: 1 } });
  });
});
