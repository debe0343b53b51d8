import { describe, expect, it } from 'vitest';
import { can } from './permissions';

describe('can', () => {
  it('lets admins do everything', () => {
    expect(can('admin', 'users.manage')).toBe(true);
    expect(can('admin', 'templates.edit')).toBe(true);
  });

  it('lets operators keep quick replies and labels but not templates, users or keys', () => {
    expect(can('operator', 'quickReplies.edit')).toBe(true);
    expect(can('operator', 'labels.edit')).toBe(true);
    expect(can('operator', 'templates.edit')).toBe(false);
    expect(can('operator', 'users.manage')).toBe(false);
    expect(can('operator', 'business.edit')).toBe(false);
    expect(can('operator', 'requests.edit')).toBe(false);
  });

  it('lets analysts keep templates and the bot-wide requests only', () => {
    expect(can('analyst', 'templates.edit')).toBe(true);
    expect(can('analyst', 'requests.edit')).toBe(true);
    expect(can('analyst', 'business.edit')).toBe(false);
    expect(can('analyst', 'quickReplies.edit')).toBe(false);
    expect(can('analyst', 'inbox.read')).toBe(false);
    expect(can(undefined, 'business.read')).toBe(false);
  });
});
