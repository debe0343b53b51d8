import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/http';
import { describePreviewError } from './describePreviewError';

const issue = (flowId: string, message: string) => ({ code: 'flow/unconnected-handle', severity: 'error', flowId, message });

describe('describePreviewError', () => {
  it('names the other flow when its errors block the preview', () => {
    const error = new ApiError({
      status: 422,
      code: 'flow/has-errors',
      message: 'Fix the errors in the flow to preview it.',
      details: { issues: [issue('orders', 'Exit "fallback" is not connected.'), issue('faq', 'Exit "next" is not connected.')] },
    });
    expect(describePreviewError(error, 'faq').split('\n')).toEqual([
      'Fix the errors in the flow to preview it.',
      'In the flow “orders”: Exit "fallback" is not connected.',
      'Exit "next" is not connected.',
    ]);
  });

  it('gives the plain message when there are no details', () => {
    expect(describePreviewError(new ApiError({ status: 500, code: 'x', message: 'Boom.' }), 'faq')).toBe('Boom.');
    expect(describePreviewError(new Error('Offline.'), 'faq')).toBe('Offline.');
  });
});
